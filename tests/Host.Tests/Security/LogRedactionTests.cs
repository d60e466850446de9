using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;
using Serilog.Parsing;
using Sleek.Workflows.Host.Hardening;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>
/// Credentials never reach the log: named properties are masked, bookmark tokens are cut out of request paths, and one
/// redaction runs over every formatted line, exceptions included. (The log of a whole outage is scanned for live
/// tokens by <see cref="Processes.DatabaseOutageOnPostgres"/>.)
/// </summary>
public sealed class LogRedactionTests
{
    [Fact]
    public void Properties_named_like_credentials_are_replaced_whatever_their_value()
    {
        var properties = new[] { "Authorization", "X-Api-Key", "Password", "AccessToken", "BootstrapToken", "SigningKey", "ClientSecret", "Cookie", "Email", "Path" }
            .Select(name => new LogEventProperty(name, new ScalarValue("secret-value")));
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse("x"), properties);
        new SecretRedactionEnricher().Enrich(logEvent, null!);

        foreach (var name in new[] { "Authorization", "X-Api-Key", "Password", "AccessToken", "BootstrapToken", "SigningKey", "ClientSecret", "Cookie" })
        {
            Assert.Equal("\"***\"", logEvent.Properties[name].ToString());
        }

        Assert.Equal("\"secret-value\"", logEvent.Properties["Email"].ToString());
        Assert.Equal("\"secret-value\"", logEvent.Properties["Path"].ToString());
    }

    [Fact]
    public void A_bookmark_token_in_the_request_path_is_masked()
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.RouteValues["token"] = "tok_abcdefghijklmnopqrstuvwxyz";
        var properties = RequestLogRedaction.Properties(http, "/api/bookmarks/tok_abcdefghijklmnopqrstuvwxyz/resume", 12.5, 200).ToDictionary(p => p.Name, p => p.Value.ToString());
        Assert.Equal("\"/api/bookmarks/***/resume\"", properties["RequestPath"]);
        Assert.Equal("200", properties["StatusCode"]);
    }

    private const string Token = "Zq3xT0kVb9_mWn-4rYpLs8dHcJ2uEaFg7oKiQ1vXyB5";
    private const string Key = "sk_0123456789ab_Zq3xT0kVb9_mWn-4rYpLs8dHcJ2uEaFg7oKiQ1vXyB5";
    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyOjEyMyJ9.c2lnbmF0dXJlLXZhbHVlLTEyMw";

    [Theory]
    [InlineData("Unhandled error on POST /api/bookmarks/" + Token + "/resume", "/api/bookmarks/***/resume")]
    [InlineData("GET http://host/api/bookmarks/" + Token + "?x=1", "/api/bookmarks/***?x=1")]
    [InlineData("resumed " + Token + " at once", "resumed *** at once")]
    [InlineData("X-Api-Key: " + Key, "sk_0123456789ab_***")]
    [InlineData("Authorization: Bearer " + Jwt, "Bearer ***")]
    [InlineData("token " + Jwt + " expired", "token *** expired")]
    [InlineData("Authorization: ApiKey " + Key, "ApiKey ***")]
    [InlineData("{\"email\":\"a@b.c\",\"password\":\"correct horse battery\"}", "\"password\":\"***\"")]
    [InlineData("{\\\"newPassword\\\":\\\"hunter2hunter2\\\"}", "\\\"newPassword\\\":\\\"***\\\"")]
    [InlineData("{\"refreshToken\": \"abc.def\"}", "\"refreshToken\": \"***\"")]
    [InlineData("Host=db;Username=sleek;Password=s3cr3t!;Database=x", "Password=***;")]
    [InlineData("stripe sk_live_51HabcDEF and whsec_abcdef123", "stripe sk_live_*** and whsec_***")]
    public void Secrets_in_any_text_are_masked(string text, string expected)
    {
        var redacted = SecretRedaction.Redact(text);
        Assert.Contains(expected, redacted, StringComparison.Ordinal);
        foreach (var secret in new[] { Token, Jwt, "correct horse battery", "hunter2hunter2", "abc.def", "s3cr3t!", "51HabcDEF", "abcdef123" })
        {
            Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ordinary_text_is_left_alone()
    {
        foreach (var text in new[]
        {
            "Burst of instance 0197f3a2-8c1d-7e4b-9a55-3f2e1d0c9b8a (sample-approval v1) ran 3 steps after Resume in its request: Suspended",
            "HTTP POST /api/instances responded 201 in 12.5 ms",
            "Work item 42 (Timer) of instance 0197f3a2-8c1d-7e4b-9a55-3f2e1d0c9b8a failed on attempt 2; retrying in 00:00:04",
        })
        {
            Assert.Equal(text, SecretRedaction.Redact(text));
        }
    }

    [Fact]
    public void Every_line_the_sink_writes_is_redacted_exception_and_scope_properties_included()
    {
        var failure = new InvalidOperationException($"bookmark {Token} could not be resumed with key {Key}", new IOException($"POST /api/bookmarks/{Token}/resume"));
        var logEvent = new LogEvent(
            DateTimeOffset.UtcNow,
            LogEventLevel.Error,
            failure,
            new MessageTemplateParser().Parse("Unhandled error on {Method} {Path}"),
            [new("Method", new ScalarValue("POST")), new("Path", new ScalarValue($"/api/bookmarks/{Token}/resume")), new("RequestPath", new ScalarValue($"/api/bookmarks/{Token}/resume")), new("Header", new ScalarValue("Bearer " + Jwt))]);
        foreach (var formatter in new Serilog.Formatting.ITextFormatter[] { new MessageTemplateTextFormatter("{Message:lj} {Properties:j}{NewLine}{Exception}"), new CompactJsonFormatter() })
        {
            using var output = new StringWriter();
            using (var sink = new RedactingSink(formatter, output))
            {
                sink.Emit(logEvent);
            }

            var text = output.ToString();
            Assert.Contains("/api/bookmarks/***/resume", text, StringComparison.Ordinal);
            Assert.Contains("IOException", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Jwt, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Zq3xT0kVb9", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Text_values_of_properties_are_redacted_for_every_sink()
    {
        var logEvent = new LogEvent(
            DateTimeOffset.UtcNow,
            LogEventLevel.Information,
            null,
            new MessageTemplateParser().Parse("x"),
            [new("RequestPath", new ScalarValue($"/api/bookmarks/{Token}/resume")), new("Items", new SequenceValue([new ScalarValue("Bearer " + Jwt)]))]);
        new SecretRedactionEnricher().Enrich(logEvent, null!);
        Assert.Equal("\"/api/bookmarks/***/resume\"", logEvent.Properties["RequestPath"].ToString());
        Assert.DoesNotContain(Jwt, logEvent.Properties["Items"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_console_handout_is_written_as_it_is()
    {
        using var output = new StringWriter();
        var serilog = new Serilog.LoggerConfiguration()
            .Enrich.FromLogContext()
            .Enrich.With<SecretRedactionEnricher>()
            .WriteTo.Sink(new RedactingSink(new MessageTemplateTextFormatter("{Message:lj}{NewLine}"), output))
            .CreateLogger();
        using var factory = new Serilog.Extensions.Logging.SerilogLoggerFactory(serilog);
        var logger = factory.CreateLogger("first-run");
        var link = $"http://localhost:5080/setup#{Token}";

        logger.LogWarning("Before: {SetupUrl}", link);
        using (ConsoleHandout.Begin(logger))
        {
            logger.LogWarning("No admin yet: open {SetupUrl}", link);
        }

        logger.LogWarning("After: {SetupUrl} {Header}", link, "Bearer " + Jwt);
        serilog.Dispose();

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.DoesNotContain(Token, lines[0], StringComparison.Ordinal);
        Assert.Equal($"No admin yet: open {link}", lines[1].TrimEnd('\r'));
        Assert.DoesNotContain(Token, lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(Jwt, lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lines_from_many_threads_all_reach_the_output_in_each_threads_order_once_the_sink_is_disposed()
    {
        using var output = new StringWriter();
        var sink = new RedactingSink(new MessageTemplateTextFormatter("{Message:lj}{NewLine}"), output);
        const int Threads = 8;
        const int PerThread = 5_000;
        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                sink.Emit(new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse($"t{t} line {i} Bearer {Jwt}"), []));
            }
        })));
        sink.Dispose();
        sink.Emit(new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse($"after dispose Bearer {Jwt}"), []));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal((Threads * PerThread) + 1, lines.Count);
        Assert.DoesNotContain(lines, l => l.Contains(Jwt, StringComparison.Ordinal));
        for (var t = 0; t < Threads; t++)
        {
            var prefix = $"t{t} line ";
            var order = lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => int.Parse(l[prefix.Length..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(0, PerThread), order);
        }

        Assert.StartsWith("after dispose", lines[^1], StringComparison.Ordinal);
    }
}
