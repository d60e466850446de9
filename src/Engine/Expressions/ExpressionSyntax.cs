using System.Collections.Concurrent;
using Jint;
using Scriban;

namespace Sleek.Workflows.Engine.Expressions;

/// <summary>Checks expression syntax without running anything, for validation before publish.</summary>
public sealed class ExpressionSyntax
{
    private readonly ConcurrentDictionary<string, Prepared<Acornima.Ast.Script>> _scripts = new();

    /// <summary>Null when the JavaScript parses, else the parser's message.</summary>
    public string? CheckJavaScript(string script)
    {
        if (string.IsNullOrWhiteSpace(script))
        {
            return "JavaScript expression is empty";
        }

        try
        {
            Prepare(script);
            return null;
        }
        catch (ScriptPreparationException ex)
        {
            return ex.InnerException?.Message ?? ex.Message;
        }
    }

    /// <summary>Null when the Scriban template parses, else its first error.</summary>
    public static string? CheckTemplate(string text)
    {
        var template = Template.Parse(text);
        if (template.HasErrors)
        {
            return string.Join("; ", template.Messages.Select(m => m.ToString()));
        }

        // Scriban misses an unclosed "{{" at the very end of the text.
        var open = text.LastIndexOf("{{", StringComparison.Ordinal);
        if (open >= 0 && text.IndexOf("}}", open, StringComparison.Ordinal) < 0)
        {
            return $"unclosed '{{{{' at position {open}";
        }

        return null;
    }

    /// <summary>Parses (once) and caches a script; prepared scripts are thread-safe.</summary>
    internal Prepared<Acornima.Ast.Script> Prepare(string script) =>
        Prepare(script, _scripts);

    private static Prepared<Acornima.Ast.Script> Prepare(string script, ConcurrentDictionary<string, Prepared<Acornima.Ast.Script>> cache)
    {
        // Definitions are few; the bound only stops a flood of distinct ad-hoc scripts from growing memory.
        if (cache.Count > 10_000)
        {
            cache.Clear();
        }

        return cache.GetOrAdd(script, static s => Jint.Engine.PrepareScript(s, strict: true));
    }
}
