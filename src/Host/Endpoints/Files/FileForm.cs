using Sleek.Workflows.Marketplace.Files;

namespace Sleek.Workflows.Host.Endpoints.Files;

/// <summary>
/// An upload request: <c>multipart/form-data</c> with one part <c>file</c> and text fields (e.g. <c>kind</c>). Read by
/// hand rather than bound, so that every refusal is a problem naming the field.
/// </summary>
/// <param name="File">The file part.</param>
/// <param name="Fields">The text fields.</param>
public sealed record FileForm(IFormFile File, IFormCollection Fields)
{
    /// <summary>Room for the form around the largest file in an upload endpoint's body cap.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    /// <summary>The form, or a 400 saying what is missing.</summary>
    public static async Task<(FileForm? Form, BadRequestProblem? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, Problems.Invalid("file", "send the file as multipart/form-data with a part named 'file'"));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            return (null, Problems.Invalid("file", $"could not be read as multipart/form-data: {ex.Message}"));
        }

        var file = form.Files.GetFile("file");
        if (file is null || form.Files.Count != 1)
        {
            return (null, Problems.Invalid("file", "send exactly one file, in a part named 'file'"));
        }

        return (new FileForm(file, form), null);
    }

    /// <summary>The named text field, or null when it is absent or blank.</summary>
    public string? Field(string name) => Fields[name].ToString() is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The upload for the store, with the client's name as given (checked there) and the caller as uploader.</summary>
    public FileUpload ToUpload(FileOwnerKind ownerKind, Guid ownerId, FileKind kind, string? uploadedBy) =>
        new(ownerKind, ownerId, kind, File.FileName, File.OpenReadStream(), uploadedBy);
}
