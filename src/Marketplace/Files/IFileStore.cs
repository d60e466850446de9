namespace Sleek.Workflows.Marketplace.Files;

/// <summary>
/// Where file bytes live: a folder (<see cref="FolderFileStore"/>) or an S3-compatible bucket (<see cref="S3FileStore"/>).
/// Keys are made by <see cref="FileUploads"/> (<c>files/&lt;guid&gt;</c>), never from a client's file name.
/// </summary>
public interface IFileStore
{
    /// <summary>A name for logs and the README: <c>folder</c> or <c>s3</c>.</summary>
    string Name { get; }

    /// <summary>Writes the bytes under the key (replacing nothing: keys are new ids).</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);

    /// <summary>The bytes under the key, or null when there are none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the key (nothing when it is missing).</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
