using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.EmailAi;

/// <summary>Email templates are checked when the host starts: a broken one stops it, naming the file and line.</summary>
public sealed class TemplateStartupTests(SqliteDatabase database) : HostScenario(database), IClassFixture<SqliteDatabase>
{
    [Fact]
    public void A_broken_template_stops_the_host_with_its_file_and_line()
    {
        var templates = TempDirectory.Create("templates");
        try
        {
            var file = Path.Combine(templates, "broken.scriban");
            File.WriteAllText(file, "subject: Hello\n--- html\n<p>ok</p>\n--- text\nHello {{ if }}\n");
            var host = NewHost(NewFolder(), settings: new Dictionary<string, string> { ["Sleek:TemplatesDirectory"] = templates });

            var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

            var message = error.ToString();
            Assert.Contains($"{file}(5)", message, StringComparison.Ordinal);
        }
        finally
        {
            TempDirectory.Delete(templates);
        }
    }
}
