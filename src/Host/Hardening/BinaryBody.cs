namespace Sleek.Workflows.Host.Hardening;

/// <summary>
/// Endpoint metadata: the body is a file upload (multipart/form-data with binary parts), so <see cref="TextInputGuard"/>
/// neither buffers it nor looks for NUL bytes in it (images and PDFs have them); headers, route values and the query are
/// still checked, and the endpoint checks the form's text fields and the file itself.
/// </summary>
internal sealed class BinaryBody
{
    /// <summary>The one instance.</summary>
    public static readonly BinaryBody Instance = new();
}
