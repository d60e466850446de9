using System.Text;

namespace Sleek.Workflows.Host.Assistant;

/// <summary>
/// Streams the model's reply without ever showing an amount of money or a lead time from its text, piece by piece as it
/// arrives: a piece is sent only once no figure can still be forming at its end (the last three words are held back
/// while one of them holds a digit or a currency sign: "3 working days"), and what is sent is <see cref="AssistantPrompt.WithoutFigures"/> of the reply
/// so far. The pieces sent add up to exactly the stored message.
/// </summary>
internal sealed class StreamedReplyRedactor
{
    private readonly StringBuilder _raw = new();
    private int _sent;

    /// <summary>Takes the next piece of the model's text; returns what may be shown now (maybe empty).</summary>
    public string Push(string piece)
    {
        _raw.Append(piece);
        var raw = _raw.ToString();
        return Next(raw[..StableLength(raw)]);
    }

    /// <summary>The rest, once the reply is complete.</summary>
    public string Flush() => Next(_raw.ToString());

    private string Next(string stableRaw)
    {
        var redacted = AssistantPrompt.WithoutFigures(stableRaw);
        if (redacted.Length <= _sent)
        {
            return "";
        }

        var piece = redacted[_sent..];
        _sent = redacted.Length;
        return piece;
    }

    /// <summary>How much of <paramref name="raw"/> no later text can turn into (part of) a figure.</summary>
    private static int StableLength(string raw)
    {
        // Words from the end: (start, figure-like). A figure spans at most three words ("USD 1,296.75", "3 working days").
        var words = new List<(int Start, bool Figure)>();
        var i = raw.Length;
        var partial = raw.Length > 0 && !char.IsWhiteSpace(raw[^1]);
        while (i > 0)
        {
            while (i > 0 && char.IsWhiteSpace(raw[i - 1]))
            {
                i--;
            }

            var end = i;
            while (i > 0 && !char.IsWhiteSpace(raw[i - 1]))
            {
                i--;
            }

            if (end == i)
            {
                break;
            }

            words.Add((i, MayBeFigure(raw.AsSpan(i, end - i), partial && words.Count == 0)));
            // Enough once three words are known and the oldest cannot be part of a figure.
            if (words.Count >= 3 && !words[^1].Figure)
            {
                break;
            }
        }

        // Hold back every figure-like word among the last three, and the figure-like words chained right before a held
        // one ("1296.75" before a held "USD"): a figure is never cut in two. The oldest held word is where the cut goes.
        var cut = raw.Length;
        var previousHeld = false;
        for (var w = 0; w < words.Count; w++)
        {
            var held = words[w].Figure && (w < 3 || previousHeld);
            if (held)
            {
                cut = words[w].Start;
            }
            else if (w >= 3)
            {
                break;
            }

            previousHeld = held;
        }

        return cut;
    }

    /// <summary>A digit or currency sign, a currency word ("USD", "dollars"), or the start of one still being written ("U").</summary>
    private static bool MayBeFigure(ReadOnlySpan<char> word, bool stillWritten)
    {
        foreach (var c in word)
        {
            if (char.IsDigit(c) || c is '$' or '€' or '£')
            {
                return true;
            }
        }

        if (word.StartsWith("US", StringComparison.OrdinalIgnoreCase) || word.StartsWith("dollar", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return stillWritten && ("usd".AsSpan().StartsWith(word, StringComparison.OrdinalIgnoreCase) || "dollars".AsSpan().StartsWith(word, StringComparison.OrdinalIgnoreCase));
    }
}
