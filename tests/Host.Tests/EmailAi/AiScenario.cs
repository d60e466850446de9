using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Marketplace.Ai;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Quotes;
using Sleek.Workflows.TestSupport.Fakes;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Host.Tests.EmailAi;

/// <summary>
/// GenerateAiSuggestions against an OpenAI-compatible fake: answers are stored on the quote, failures let
/// the workflow go on with <c>{failed}</c>, every call leaves a usage row, and the hourly cost is watched.
/// </summary>
public abstract class AiScenario(TestDatabase database) : HostScenario(database)
{
    private const string JsonAnswer = """{"suggestions": ["Use 180 gsm combed cotton jersey.", "Approve a sample in two colourways before bulk."], "summary": "Your 150 t-shirts look like a great fit for our factories."}""";

    [Fact]
    public async Task Suggestions_are_stored_on_the_quote_with_a_usage_row_holding_tokens_and_cost()
    {
        await using var ai = await FakeOpenAiServer.StartAsync();
        ai.AnswerText = JsonAnswer;
        var (api, db) = Start(AiSettings(ai));
        var quote = await SeedQuoteAsync(db);

        var done = await api.WaitForStatusAsync(SleekApi.Id(await api.StartAsync("suggest-then-log", new { quoteId = quote.Id })), "Completed");
        var output = EmailAiDefinitions.OutputOf(done, "ai");

        var expectedCost = ((412 * 0.15m) + (87 * 0.60m)) / 1_000_000m;
        Assert.Equal(2, output["suggestions"]!.AsArray().Count);
        Assert.Equal("Your 150 t-shirts look like a great fit for our factories.", output["summary"]!.GetValue<string>());
        Assert.Equal("gpt-4o-mini-2024-07-18", output["model"]!.GetValue<string>());
        Assert.Equal(expectedCost, output["costUsd"]!.GetValue<decimal>());
        var prompt = string.Join("\n", Assert.Single(ai.Requests).Messages.Select(m => m.Content));
        Assert.Contains("Quantity: 150 units", prompt, StringComparison.Ordinal);
        Assert.Contains("Fabric: organic cotton", prompt, StringComparison.Ordinal);

        await using var context = db.CreateContext();
        var stored = JsonNode.Parse((await context.Quotes.SingleAsync(q => q.Id == quote.Id)).AiSuggestions!)!;
        Assert.Equal("Approve a sample in two colourways before bulk.", stored["suggestions"]![1]!.GetValue<string>());
        var usage = await context.AiUsage.SingleAsync(u => u.QuoteId == quote.Id);
        Assert.Equal((412, 87, true, (string?)null, "gpt-4o-mini-2024-07-18"), (usage.PromptTokens, usage.CompletionTokens, usage.Succeeded, usage.Error, usage.Model));
        Assert.Equal(Math.Round(expectedCost, 6), usage.CostUsd);
    }

    [Theory]
    [InlineData(nameof(OpenAiFakeMode.Slow), "did not answer within 1 s")]
    [InlineData(nameof(OpenAiFakeMode.ServerError), "HTTP 500")]
    public async Task A_slow_or_failing_AI_server_lets_the_workflow_go_on_with_the_reason_and_a_usage_row(string mode, string reason)
    {
        await using var ai = await FakeOpenAiServer.StartAsync();
        ai.Mode = Enum.Parse<OpenAiFakeMode>(mode);
        var (api, db) = Start(AiSettings(ai));
        var quote = await SeedQuoteAsync(db);

        var done = await api.WaitForStatusAsync(SleekApi.Id(await api.StartAsync("suggest-then-log", new { quoteId = quote.Id })), "Completed");

        Assert.Contains(reason, EmailAiDefinitions.OutputOf(done, "ai")["failed"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(("log", "Executed", 1), SleekApi.Journal(done));
        await using var context = db.CreateContext();
        Assert.Null((await context.Quotes.SingleAsync(q => q.Id == quote.Id)).AiSuggestions);
        var usage = await context.AiUsage.SingleAsync(u => u.QuoteId == quote.Id);
        Assert.False(usage.Succeeded);
        Assert.Contains(reason, usage.Error, StringComparison.Ordinal);
        Assert.Equal(0m, usage.CostUsd);
    }

    [Fact]
    public async Task Without_an_AI_endpoint_the_step_is_skipped()
    {
        var (api, db) = Start(new Dictionary<string, string>());
        var quote = await SeedQuoteAsync(db);

        var done = await api.WaitForStatusAsync(SleekApi.Id(await api.StartAsync("suggest-then-log", new { quoteId = quote.Id })), "Completed");

        Assert.Equal("AI not configured", EmailAiDefinitions.OutputOf(done, "ai")["skipped"]!.GetValue<string>());
        await using var context = db.CreateContext();
        Assert.False(await context.AiUsage.AnyAsync(u => u.QuoteId == quote.Id));
    }

    [Fact]
    public async Task Spending_above_one_dollar_an_hour_warns_and_above_five_alerts_ops_once_per_hour()
    {
        await using var ai = await FakeOpenAiServer.StartAsync();
        var (api, db) = Start(AiSettings(ai));

        await SeedUsageAsync(db, 0.75m, 0.75m);
        var warned = await RunAsync(api, await SeedQuoteAsync(db));
        Assert.Equal("Warning", warned["costLevel"]!.GetValue<string>());
        Assert.InRange(warned["lastHourCostUsd"]!.GetValue<decimal>(), 1.50m, 1.51m);
        Assert.Equal(0, await AlertEmailsAsync(db));

        await SeedUsageAsync(db, 2.25m, 2.25m);
        var alerted = await RunAsync(api, await SeedQuoteAsync(db));
        Assert.Equal("Alert", alerted["costLevel"]!.GetValue<string>());
        Assert.InRange(alerted["lastHourCostUsd"]!.GetValue<decimal>(), 6.00m, 6.01m);
        var again = await RunAsync(api, await SeedQuoteAsync(db));
        Assert.Equal("Alert", again["costLevel"]!.GetValue<string>());

        // Two alerting calls in one hour, one email (unless the clock hour turned between them).
        Assert.InRange(await AlertEmailsAsync(db), 1, 2);
        await using var context = db.CreateContext();
        var alert = await context.EmailMessages.FirstAsync(e => e.Template == AiCostWatch.AlertTemplate);
        Assert.Equal("ops@sleek.local", alert.To);
        Assert.StartsWith("AI cost alert: 6.00 USD in the last hour", alert.Subject, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> RunAsync(SleekApi api, Quote quote) =>
        EmailAiDefinitions.OutputOf(await api.WaitForStatusAsync(SleekApi.Id(await api.StartAsync("suggest-then-log", new { quoteId = quote.Id })), "Completed"), "ai");

    private (SleekApi Api, MarketplaceDb Db) Start(Dictionary<string, string> settings)
    {
        var host = NewHost(NewFolder().With(EmailAiDefinitions.SuggestThenLog()), settings: settings);
        var api = new SleekApi(host.CreateClient());
        return (api, host.Services.GetRequiredService<MarketplaceDb>());
    }

    private static Dictionary<string, string> AiSettings(FakeOpenAiServer ai) => new()
    {
        ["Ai:Endpoint"] = ai.BaseUrl + "/v1",
        ["Ai:ApiKey"] = "sk-test",
        ["Ai:TimeoutSeconds"] = "1",
    };

    private static async Task<Quote> SeedQuoteAsync(MarketplaceDb db)
    {
        var quote = new Quote
        {
            Number = $"Q-T-{Guid.NewGuid():N}"[..20],
            ProductType = "t_shirt",
            Quantity = 150,
            Complexity = Complexity.Medium,
            Fabric = "organic cotton",
            Requirements = "Screen print on the front, woven neck label.",
            Email = "buyer@example.com",
            UnitPrice = 8.645m,
            Total = 1296.75m,
            LeadTimeDays = 14,
            CreatedAt = DateTime.UtcNow,
        };
        await using var context = db.CreateContext();
        context.Quotes.Add(quote);
        await context.WriteAsync(CancellationToken.None);
        return quote;
    }

    private static async Task SeedUsageAsync(MarketplaceDb db, params decimal[] costs)
    {
        await using var context = db.CreateContext();
        foreach (var cost in costs)
        {
            context.AiUsage.Add(new AiUsage { At = DateTime.UtcNow.AddMinutes(-10), Model = "gpt-4o", PromptTokens = 1000, CompletionTokens = 1000, CostUsd = cost, Succeeded = true });
        }

        await context.WriteAsync(CancellationToken.None);
    }

    private static async Task<int> AlertEmailsAsync(MarketplaceDb db)
    {
        await using var context = db.CreateContext();
        return await context.EmailMessages.CountAsync(e => e.Template == AiCostWatch.AlertTemplate);
    }
}

public sealed class AiOnPostgres(PostgresDatabase database) : AiScenario(database), IClassFixture<PostgresDatabase>;

public sealed class AiOnSqlite(SqliteDatabase database) : AiScenario(database), IClassFixture<SqliteDatabase>;
