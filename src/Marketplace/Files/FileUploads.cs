using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Marketplace.Files;

/// <summary>
/// Stores and reads files: checks the name, the size against the kind's limit and the type from the bytes, writes the
/// bytes to the <see cref="IFileStore"/> under a generated key, then the metadata row. Who may upload to or read a
/// record's files is the caller's check (the record's own access rule), made before calling here.
/// </summary>
public sealed partial class FileUploads(MarketplaceDb marketplace, IFileStore store, FilesOptions options, TimeProvider clock, ILogger<FileUploads> logger)
{
    /// <summary>The store in use (<c>folder</c> or <c>s3</c>).</summary>
    public string StoreName => store.Name;

    /// <summary>The size limit of a kind.</summary>
    public long MaxBytes(FileKind kind) => FileKinds.MaxBytes(kind, options);

    /// <summary>Checks and stores one file; a refusal names the field (<c>file</c>) and says what is wrong.</summary>
    public async Task<FileUploadResult> UploadAsync(FileUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (FileNames.Problem(upload.FileName) is { } nameProblem)
        {
            return Refused(upload, new FileRefusal("file", nameProblem, 400));
        }

        var limit = MaxBytes(upload.Kind);
        var bytes = await ReadUpToAsync(upload.Content, limit + 1, cancellationToken);
        if (bytes.Length > limit)
        {
            return Refused(upload, new FileRefusal("file", $"is larger than {limit} bytes, the limit for {SnakeCase.Of(upload.Kind.ToString())} files", 413));
        }

        if (bytes.Length == 0)
        {
            return Refused(upload, new FileRefusal("file", "is empty", 400));
        }

        var allowed = FileKinds.AllowedTypes(upload.Kind);
        var sniffed = FileContentTypes.Sniff(bytes.Span);
        if (sniffed is null || !allowed.Contains(sniffed))
        {
            var found = sniffed is null ? "not an image or PDF" : sniffed;
            return Refused(upload, new FileRefusal("file", $"is {found} judging by its content (whatever its name or Content-Type say); {SnakeCase.Of(upload.Kind.ToString())} accepts {string.Join(", ", allowed)}", 415));
        }

        var file = new StoredFile
        {
            OwnerKind = upload.OwnerKind,
            OwnerId = upload.OwnerId,
            Kind = upload.Kind,
            OriginalName = upload.FileName!.Trim(),
            ContentType = sniffed,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes.Span)),
            UploadedBy = upload.UploadedBy,
            UploadedAt = clock.GetUtcNow(),
        };
        file.StorageKey = StorageKeys.Of(file.Id);

        // Bytes first, then the row: a row never points at nothing; a crash in between leaves an unreferenced object.
        await store.PutAsync(file.StorageKey, bytes, sniffed, cancellationToken);
        try
        {
            await using var db = marketplace.CreateContext();
            db.Files.Add(file);
            await db.WriteAsync(cancellationToken);
        }
        catch
        {
            await store.DeleteAsync(file.StorageKey, CancellationToken.None);
            throw;
        }

        LogStored(logger, file.Id, file.OwnerKind, file.OwnerId, file.Kind, file.ContentType, file.Size, store.Name);
        return new FileUploadResult(file, null);
    }

    /// <summary>A file's metadata, or null.</summary>
    public async Task<StoredFile?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        return await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
    }

    /// <summary>A record's files, oldest first.</summary>
    public async Task<IReadOnlyList<StoredFile>> OfOwnerAsync(FileOwnerKind ownerKind, Guid ownerId, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        var files = await db.Files.AsNoTracking().Where(f => f.OwnerKind == ownerKind && f.OwnerId == ownerId).ToListAsync(cancellationToken);
        return [.. files.OrderBy(f => f.UploadedAt).ThenBy(f => f.Id)];
    }

    /// <summary>The bytes of a file, or null when the store has lost them.</summary>
    public Task<Stream?> OpenAsync(StoredFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        return store.OpenReadAsync(file.StorageKey, cancellationToken);
    }

    private FileUploadResult Refused(FileUpload upload, FileRefusal refusal)
    {
        LogRefused(logger, upload.OwnerKind, upload.OwnerId, upload.Kind, refusal.Status, refusal.Message);
        return new FileUploadResult(null, refusal);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadUpToAsync(Stream content, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < max && (read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "File {FileId} stored for {OwnerKind} {OwnerId}: {Kind}, {ContentType}, {Size} bytes, in the {Store} store")]
    private static partial void LogStored(ILogger logger, Guid fileId, FileOwnerKind ownerKind, Guid ownerId, FileKind kind, string contentType, long size, string store);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload for {OwnerKind} {OwnerId} ({Kind}) refused with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, FileOwnerKind ownerKind, Guid ownerId, FileKind kind, int status, string reason);
}
