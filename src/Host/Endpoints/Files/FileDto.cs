using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Marketplace.Files;

namespace Sleek.Workflows.Host.Endpoints.Files;

/// <summary>A stored file's metadata as the API shows it (never its storage key).</summary>
/// <param name="Id">Id.</param>
/// <param name="Kind">e.g. <c>business_licence</c>.</param>
/// <param name="Name">The uploader's name for it.</param>
/// <param name="ContentType">The type found in its bytes.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">SHA-256, hex.</param>
/// <param name="UploadedBy">Uploader's id.</param>
/// <param name="UploadedAt">When.</param>
/// <param name="Url">Where to download it (the same access check as its record).</param>
public sealed record FileDto(Guid Id, string Kind, string Name, string ContentType, long Size, string Sha256, string? UploadedBy, DateTimeOffset UploadedAt, string Url)
{
    /// <summary>The DTO; <paramref name="url"/> is the record's download route.</summary>
    public static FileDto From(StoredFile file, string url)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new(file.Id, SnakeCase.Of(file.Kind.ToString()), file.OriginalName, file.ContentType, file.Size, file.Sha256, file.UploadedBy, file.UploadedAt, url);
    }
}
