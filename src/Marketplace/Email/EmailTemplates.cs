using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Scriban;
using Scriban.Syntax;
using Sleek.Workflows.Engine.Expressions;

namespace Sleek.Workflows.Marketplace.Email;

/// <summary>
/// All email templates of a folder (<c>*.scriban</c>), loaded and parsed once. Loading fails at
/// start-up on the first file that does not parse, naming file and line, so a broken template never
/// waits for the first order to be noticed. Thread-safe: rendering only reads the parsed templates.
/// </summary>
public sealed class EmailTemplates
{
    /// <summary>The extension of template files.</summary>
    public const string FileExtension = ".scriban";

    /// <summary>The limits every render runs under (the expression sandbox's defaults).</summary>
    private static readonly SandboxLimits Limits = new();

    private readonly Dictionary<string, EmailTemplate> _templates;

    /// <summary>Templates already parsed (for tests, or templates that do not come from files).</summary>
    public EmailTemplates(IEnumerable<EmailTemplate> templates)
    {
        _templates = templates.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>The template names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _templates.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Loads and validates every <c>*.scriban</c> file of <paramref name="directory"/>.</summary>
    /// <exception cref="EmailTemplateException">The folder is missing or empty, or a file does not parse.</exception>
    public static EmailTemplates Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new EmailTemplateException($"The email templates folder '{Path.GetFullPath(directory)}' does not exist");
        }

        var files = Directory.GetFiles(directory, "*" + FileExtension).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new EmailTemplateException($"The email templates folder '{Path.GetFullPath(directory)}' has no {FileExtension} files");
        }

        return new EmailTemplates(files.Select(file =>
            EmailTemplateParser.Parse(Path.GetFileNameWithoutExtension(file), file, File.ReadAllText(file))));
    }

    /// <summary>Whether a template of that name exists.</summary>
    public bool Contains(string name) => _templates.ContainsKey(name);

    /// <summary>The parsed template of that name.</summary>
    /// <exception cref="EmailTemplateException">No such template; the message lists the known ones.</exception>
    public EmailTemplate Get(string name) =>
        _templates.TryGetValue(name, out var template)
            ? template
            : throw new EmailTemplateException($"Unknown email template '{name}'; known templates: {string.Join(", ", Names)}");

    /// <summary>
    /// Renders subject, HTML and text with the model. Model names are used as they are
    /// (<c>{{ BuyerName }}</c> reads <c>"BuyerName"</c>); a field the template reads that the model lacks
    /// (and that the template does not declare optional) is an error naming it.
    /// </summary>
    /// <exception cref="EmailTemplateException">Unknown template, or a render error naming section and field.</exception>
    public RenderedEmail Render(string name, JsonObject model)
    {
        var template = Get(name);
        var subject = RenderSection(template, template.Subject, model);
        return new RenderedEmail(
            string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            RenderSection(template, template.Html, model),
            RenderSection(template, template.Text, model));
    }

    private static string RenderSection(EmailTemplate template, EmailTemplate.Section section, JsonObject model)
    {
        // A fresh context per render (contexts hold state and are not thread-safe), under the expression sandbox's
        // limits: the model carries what buyers typed, so a regex over it or a loop must not run without end.
        using var sandbox = new TemplateSandbox(Limits);
        var context = sandbox.Context;
        context.StrictVariables = true;
        context.EnableRelaxedMemberAccess = false;
        context.PushGlobal(ScribanModel.FromJson(model, template.OptionalFields));
        try
        {
            return section.Template.Render(context);
        }
        catch (Exception ex) when (ex is RegexMatchTimeoutException || ex.InnerException is RegexMatchTimeoutException)
        {
            // Scriban wraps what its regex functions throw.
            throw new EmailTemplateException(
                $"Email template '{template.Name}' ({section.Name}) could not be rendered: a regular expression ran longer than {Limits.Timeout.TotalMilliseconds} ms",
                ex);
        }
        catch (ScriptRuntimeException ex)
        {
            var reason = ex is ScriptAbortException ? $"it ran longer than {Limits.TemplateTimeout.TotalMilliseconds} ms" : ex.OriginalMessage;
            throw new EmailTemplateException(
                $"Email template '{template.Name}' ({section.Name}) could not be rendered: {reason} (at {template.Path}({section.FirstLine + ex.Span.Start.Line + 1}))",
                ex);
        }
    }
}
