using System.Collections.Concurrent;
using Jint;
using Scriban;
using Sleek.Workflows.Engine.Expressions.JavaScript;

namespace Sleek.Workflows.Engine.Expressions;

/// <summary>Checks expression syntax without running anything, for validation before publish.</summary>
/// <param name="limits">The sandbox's limits (the longest script); the defaults when none are given.</param>
public sealed class ExpressionSyntax(SandboxLimits? limits = null)
{
    private readonly ConcurrentDictionary<string, GuardedScript> _scripts = new();
    private readonly int _maxScriptLength = (limits ?? new SandboxLimits()).MaxScriptLength;

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

    /// <summary>Parses (once), checks and caches a script; prepared scripts are thread-safe.</summary>
    /// <exception cref="ScriptPreparationException">It does not parse, is too long or uses what the sandbox refuses.</exception>
    internal GuardedScript Prepare(string script)
    {
        // Definitions are few; the bound only stops a flood of distinct ad-hoc scripts from growing memory.
        if (_scripts.Count > 10_000)
        {
            _scripts.Clear();
        }

        return _scripts.GetOrAdd(script, static (s, max) => GuardedScript.Prepare(s, max), _maxScriptLength);
    }
}
