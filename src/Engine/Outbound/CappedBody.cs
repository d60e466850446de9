using System.Buffers;
using System.Text;

namespace Sleek.Workflows.Engine.Outbound;

/// <summary>
/// Reads an answer's body while it streams in, up to a cap: a longer one is refused as soon as it passes the cap
/// (or at once, when its Content-Length says so), so a partner answering endlessly costs the host the cap and no more.
/// </summary>
internal static class CappedBody
{
    /// <summary>The body as text (in its declared charset, else UTF-8); null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var kept = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (kept.Length + read > maxBytes)
                {
                    return null;
                }

                kept.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return EncodingOf(content).GetString(kept.GetBuffer(), 0, (int)kept.Length);
    }

    private static Encoding EncodingOf(HttpContent content)
    {
        try
        {
            return content.Headers.ContentType?.CharSet is { Length: > 0 } charset ? Encoding.GetEncoding(charset.Trim('"')) : Encoding.UTF8;
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }
}
