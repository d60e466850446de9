namespace Sleek.Workflows.Marketplace.Files;

/// <summary>
/// Files in a folder, by default <c>&lt;Sleek:DataDirectory&gt;/files</c>: one host only (or a folder every host mounts);
/// a cluster needs the S3 store. A key <c>files/&lt;hex&gt;</c> is the file <c>&lt;root&gt;/&lt;hex[0..2]&gt;/&lt;hex&gt;</c>.
/// </summary>
public sealed class FolderFileStore(string root) : IFileStore
{
    /// <summary>The folder.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <inheritdoc />
    public string Name => "folder";

    /// <inheritdoc />
    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written beside it, then moved: a reader never sees half a file.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, content, cancellationToken);
            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
        return Task.FromResult(stream);
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        var name = StorageKeys.Checked(key)["files/".Length..];
        return Path.Combine(Root, name[..2], name);
    }
}
