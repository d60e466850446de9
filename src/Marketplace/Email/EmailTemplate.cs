using Scriban;

namespace Sleek.Workflows.Marketplace.Email;

/// <summary>
/// One parsed template file: a subject, an HTML and a text section (each a Scriban template) and the
/// optional model fields that may be left out of a model. Build it with <see cref="EmailTemplateParser"/>.
/// </summary>
public sealed class EmailTemplate
{
    internal EmailTemplate(string name, string path, Section subject, Section html, Section text, IReadOnlyList<string> optionalFields)
    {
        Name = name;
        Path = path;
        Subject = subject;
        Html = html;
        Text = text;
        OptionalFields = optionalFields;
    }

    /// <summary>The file name without <c>.scriban</c>, e.g. <c>quote-confirmation</c>.</summary>
    public string Name { get; }

    /// <summary>Where it was loaded from (used in error messages).</summary>
    public string Path { get; }

    /// <summary>
    /// Model fields declared <c>optional:</c> in the file: a model without them renders them as null
    /// (so <c>{{ if AiSummary }}</c> works); every other field the template reads must be in the model.
    /// </summary>
    public IReadOnlyList<string> OptionalFields { get; }

    internal Section Subject { get; }

    internal Section Html { get; }

    internal Section Text { get; }

    /// <summary>A compiled section and the 0-based file line its text starts on (for error messages).</summary>
    internal sealed record Section(string Name, Template Template, int FirstLine);
}
