using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Sleek.Workflows.Marketplace.Files;

namespace Sleek.Workflows.Host.Endpoints.Files;

/// <summary>What upload and download endpoints answer: a refusal as its problem, a file as an attachment.</summary>
public static class FileAnswers
{
    /// <summary>The refusal's problem (<see cref="BadRequestProblem"/>, <see cref="TooLargeProblem"/> or <see cref="UnsupportedTypeProblem"/>), naming its field.</summary>
    public static ProblemResult Refused(FileRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var extensions = new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [refusal.Field] = [refusal.Message] } };
        var detail = $"{refusal.Field} {refusal.Message}";
        return refusal.Status switch
        {
            StatusCodes.Status413PayloadTooLarge => new TooLargeProblem("The file is too large", detail, extensions),
            StatusCodes.Status415UnsupportedMediaType => new UnsupportedTypeProblem("The file type is not accepted", detail, extensions),
            _ => Problems.Invalid(detail, new Dictionary<string, string[]> { [refusal.Field] = [refusal.Message] }),
        };
    }

    /// <summary>
    /// The bytes as an attachment: the stored (sniffed) type, the original name made safe for Content-Disposition, no
    /// sniffing by the browser and no caching by shared caches (the answer depends on who asks).
    /// </summary>
    public static FileStreamHttpResult Download(HttpContext http, StoredFile file, Stream content)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(file);
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return TypedResults.Stream(content, file.ContentType, FileNames.ForDownload(file.OriginalName));
    }
}
