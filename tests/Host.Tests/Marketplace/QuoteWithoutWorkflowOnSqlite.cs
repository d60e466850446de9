using System.Net;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Marketplace;

/// <summary>
/// A host whose database never had quote-to-delivery published answers a quote request with 503 naming
/// the workflow (its own class: a class's database keeps what earlier tests published).
/// </summary>
public sealed class QuoteWithoutWorkflowOnSqlite(SqliteDatabase database) : HostScenario(database), IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task Without_the_workflow_a_quote_request_is_503_naming_it()
    {
        var client = new MarketplaceClient(StartHost(NewFolder()));
        using var response = await client.PostQuoteAsync(MarketplaceClient.WorkedExample());
        var problem = await SleekApi.ExpectProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("quote-to-delivery", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
