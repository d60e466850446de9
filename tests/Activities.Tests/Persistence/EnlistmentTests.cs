using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Activities.Tests.Persistence;

/// <summary>An activity that asks <see cref="MarketplaceDb"/> for a context enlisted in its burst.</summary>
public sealed class EnlistmentTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sleek-activities-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Activity_without_a_burst_transaction_gets_a_clear_error()
    {
        using var engineDb = new EngineDb(new DatabaseOptions { SqlitePath = Path.Combine(_directory, "sleek.db") });
        var interpreter = new TestInterpreter(s => s.AddSingleton(new MarketplaceDb(engineDb)));

        var result = await interpreter.RunAsync("TestProbeMarketplaceDb", new JsonObject());

        var message = result.State.Outputs["act"]!.GetValue<string>();
        Assert.Contains("activity 'act' (TestProbeMarketplaceDb) needs the burst's database transaction", message, StringComparison.Ordinal);
    }
}
