using Scriban;
using Scriban.Parsing;

namespace Sleek.Workflows.Marketplace.Email;

/// <summary>
/// Reads the template file format (documented in <c>templates/README.md</c>):
/// <code>
/// # comment lines and blank lines are ignored in the header
/// subject: Your quote {{ QuoteNumber }}
/// optional: AiSummary, BuyerName
/// --- html
/// &lt;p&gt;Hello {{ BuyerName | html.escape }}&lt;/p&gt;
/// --- text
/// Hello {{ BuyerName }}
/// </code>
/// Each of subject, html and text is a Scriban template. Errors name the file and its line.
/// </summary>
public static class EmailTemplateParser
{
    private const string HtmlMarker = "--- html";
    private const string TextMarker = "--- text";

    /// <summary>Parses one template file's content; <paramref name="path"/> only names it in errors.</summary>
    /// <exception cref="EmailTemplateException">The file is not in the format or a section does not parse.</exception>
    public static EmailTemplate Parse(string name, string path, string content)
    {
        var lines = content.ReplaceLineEndings("\n").Split('\n');
        string? subject = null;
        var subjectLine = 0;
        var optional = new List<string>();
        var htmlStart = -1;
        var textStart = -1;

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line == HtmlMarker || line == TextMarker)
            {
                ref var start = ref line == HtmlMarker ? ref htmlStart : ref textStart;
                if (start >= 0)
                {
                    throw Error(path, i + 1, $"a second '{line}' section");
                }

                start = i + 1;
                continue;
            }

            if (htmlStart >= 0 || textStart >= 0)
            {
                continue;
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("subject:", StringComparison.Ordinal))
            {
                if (subject is not null)
                {
                    throw Error(path, i + 1, "a second 'subject:' line");
                }

                subject = line["subject:".Length..].Trim();
                subjectLine = i + 1;
            }
            else if (line.StartsWith("optional:", StringComparison.Ordinal))
            {
                optional.AddRange(line["optional:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            else
            {
                throw Error(path, i + 1, $"unexpected header line '{line}' (expected 'subject:', 'optional:', '# comment', '{HtmlMarker}' or '{TextMarker}')");
            }
        }

        if (string.IsNullOrEmpty(subject))
        {
            throw Error(path, 1, "no 'subject:' line before the sections");
        }

        if (htmlStart < 0 || textStart < 0)
        {
            throw Error(path, lines.Length, $"both a '{HtmlMarker}' and a '{TextMarker}' section are required");
        }

        return new EmailTemplate(
            name,
            path,
            new EmailTemplate.Section("subject", Compile(path, subject, subjectLine - 1), subjectLine - 1),
            new EmailTemplate.Section("html", Compile(path, Section(lines, htmlStart, textStart), htmlStart), htmlStart),
            new EmailTemplate.Section("text", Compile(path, Section(lines, textStart, htmlStart), textStart), textStart),
            optional);
    }

    // A section runs from its marker to the other section's marker (or the end of the file).
    private static string Section(string[] lines, int start, int otherStart)
    {
        var end = otherStart > start ? otherStart - 1 : lines.Length;
        return string.Join('\n', lines[start..end]).TrimEnd() + "\n";
    }

    // firstLine: the 0-based file line where the section's text begins, so errors give file lines.
    private static Template Compile(string path, string text, int firstLine)
    {
        var template = Template.Parse(text, path);
        var error = template.Messages.FirstOrDefault(m => m.Type == ParserMessageType.Error);
        if (error is not null)
        {
            throw Error(path, firstLine + error.Span.Start.Line + 1, error.Message);
        }

        // Scriban does not report a '{{' left open at the very end of the text (docs/dependencies.md §6).
        var lastOpen = text.LastIndexOf("{{", StringComparison.Ordinal);
        if (lastOpen >= 0 && text.IndexOf("}}", lastOpen, StringComparison.Ordinal) < 0)
        {
            var line = firstLine + text[..lastOpen].Count(c => c == '\n') + 1;
            throw Error(path, line, "'{{' is never closed with '}}'");
        }

        return template;
    }

    private static EmailTemplateException Error(string path, int line, string problem) =>
        new($"{path}({line}): {problem}");
}
