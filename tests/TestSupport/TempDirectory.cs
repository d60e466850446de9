namespace Sleek.Workflows.TestSupport;

/// <summary>Unique directories under the system temp folder, removed after use.</summary>
public static class TempDirectory
{
    public static string Create(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "sleek-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open is left to the OS's temp cleanup; it must not fail the test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
