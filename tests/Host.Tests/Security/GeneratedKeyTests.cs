using System.Net;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>Without Auth:SigningKey the host generates one into its data folder, readable by its owner only, and keeps it across restarts.</summary>
public sealed class GeneratedKeyTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task A_key_is_generated_once_into_the_data_folder_with_mode_600_and_survives_a_restart()
    {
        var settings = new Dictionary<string, string> { ["Auth:SigningKey"] = "" };
        var path = Path.Combine(database.DataDirectory, "signing.key");
        string token;
        await using (var kit = new SecurityKit(database, settings))
        {
            token = kit.Admin.DefaultRequestHeaders.Authorization!.Parameter!;
            Assert.True(File.Exists(path));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }

            using var users = await kit.Admin.GetAsync(new Uri("/api/users", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        }

        var first = await File.ReadAllTextAsync(path);
        await using (var again = new SecurityKit(database, settings))
        {
            Assert.Equal(first, await File.ReadAllTextAsync(path));
            using var client = again.Anonymous().As(token);
            using var users = await client.GetAsync(new Uri("/api/users", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        }

        Assert.DoesNotContain(first, await File.ReadAllTextAsync(Path.Combine(SourceTree.Root, "src", "Host", "Auth", "SigningKeyProvider.cs")), StringComparison.Ordinal);
    }
}
