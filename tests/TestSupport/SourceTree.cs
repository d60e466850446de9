namespace Sleek.Workflows.TestSupport;

/// <summary>The repository checkout the tests run from (for its rules/, templates/, workflows/ and the built host).</summary>
public static class SourceTree
{
    /// <summary>The repository root (the folder holding Sleek.Workflows.sln), found upwards from the test assembly.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sleek.Workflows.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Sleek.Workflows.sln not found above {AppContext.BaseDirectory}");
    }
}
