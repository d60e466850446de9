using Sleek.Workflows.Host.Hardening;

namespace Sleek.Workflows.Host.Endpoints.Files;

/// <summary>What every upload route declares: its body cap, a binary body, no antiforgery (bearer tokens).</summary>
internal static class FileUploadEndpoint
{
    /// <summary>
    /// Marks a route as a file upload of at most <paramref name="maxFileBytes"/>. No <c>Accepts&lt;IFormFile&gt;</c>: it
    /// makes routing answer 415 to other bodies before authorization (the matrix wants 401/403 first); the form is read
    /// and checked by hand (<see cref="FileForm"/>), every refusal naming the field.
    /// </summary>
    public static RouteHandlerBuilder AcceptsFileUpload(this RouteHandlerBuilder route, long maxFileBytes) =>
        route
            .WithMetadata(new RequestSizeLimit(maxFileBytes + FileForm.FormOverheadBytes))
            .WithMetadata(BinaryBody.Instance)
            .DisableAntiforgery();
}
