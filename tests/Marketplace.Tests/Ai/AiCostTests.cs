using Sleek.Workflows.Marketplace.Ai;

namespace Sleek.Workflows.Marketplace.Tests.Ai;

public sealed class AiCostTests
{
    [Theory]
    [InlineData("gpt-4o-mini", 1_000_000, 0, "0.15")]
    [InlineData("gpt-4o-mini", 0, 1_000_000, "0.60")]
    [InlineData("gpt-4o-mini-2024-07-18", 1_000_000, 1_000_000, "0.75")]
    [InlineData("gpt-4o", 1_000_000, 1_000_000, "12.50")]
    [InlineData("gpt-4o-2024-08-06", 2_000, 500, "0.01")]
    [InlineData("gpt-4.1-mini", 1_000_000, 1_000_000, "2.00")]
    [InlineData("GPT-5-NANO", 1_000_000, 1_000_000, "0.45")]
    [InlineData("llama-3.1-70b-local", 1_000_000, 1_000_000, "12.50")]
    [InlineData("gpt-4o-mini", 0, 0, "0")]
    public void Cost_follows_the_price_table_per_million_tokens(string model, long prompt, long completion, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), new AiCostCalculator().CostUsd(model, prompt, completion));
    }

    [Fact]
    public void The_longest_matching_model_prefix_wins()
    {
        var calculator = new AiCostCalculator();

        Assert.Same(AiCostCalculator.DefaultPrices["gpt-4o-mini"], calculator.PriceOf("gpt-4o-mini-2024-07-18"));
        Assert.Same(AiCostCalculator.DefaultPrices["gpt-4o"], calculator.PriceOf("gpt-4o-2024-08-06"));
        Assert.Same(AiCostCalculator.FallbackPrice, calculator.PriceOf("mistral-small"));
    }

    [Fact]
    public void Configured_prices_replace_and_extend_the_table()
    {
        var calculator = new AiCostCalculator(new Dictionary<string, AiModelPrice>
        {
            ["gpt-4o-mini"] = new(1m, 2m),
            ["mistral-small"] = new(0.2m, 0.6m),
        });

        Assert.Equal(3m, calculator.CostUsd("gpt-4o-mini", 1_000_000, 1_000_000));
        Assert.Equal(0.8m, calculator.CostUsd("mistral-small", 1_000_000, 1_000_000));
        Assert.Equal(12.5m, calculator.CostUsd("gpt-4o", 1_000_000, 1_000_000));
    }

    [Theory]
    [InlineData("0", AiCostLevel.Normal)]
    [InlineData("0.99", AiCostLevel.Normal)]
    [InlineData("1.00", AiCostLevel.Normal)]
    [InlineData("1.01", AiCostLevel.Warning)]
    [InlineData("5.00", AiCostLevel.Warning)]
    [InlineData("5.0001", AiCostLevel.Alert)]
    [InlineData("40", AiCostLevel.Alert)]
    public void Hourly_spending_warns_above_one_dollar_and_alerts_above_five(string lastHour, AiCostLevel expected)
    {
        var now = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var total = decimal.Parse(lastHour, System.Globalization.CultureInfo.InvariantCulture);
        // The same total spread over four calls inside the hour.
        var usage = Enumerable.Range(0, 4).Select(i => new AiCostEntry(now.AddMinutes(-10 * i), total / 4)).ToList();

        var status = new AiCostMonitor().Evaluate(usage, now);

        Assert.Equal(expected, status.Level);
        Assert.Equal(total, status.LastHourUsd);
        Assert.Equal(4, status.Calls);
    }

    [Fact]
    public void Only_the_last_hour_counts()
    {
        var now = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        AiCostEntry[] usage =
        [
            new(now.AddHours(-1), 100m),            // exactly an hour ago: outside
            new(now.AddHours(-1).AddSeconds(1), 0.75m),
            new(now.AddMinutes(-5), 0.50m),
            new(now, 0.25m),                        // now: inside
            new(now.AddSeconds(1), 100m),           // in the future (clock skew): ignored
        ];

        var status = new AiCostMonitor().Evaluate(usage, now);

        Assert.Equal(1.50m, status.LastHourUsd);
        Assert.Equal(AiCostLevel.Warning, status.Level);
        Assert.Equal(3, status.Calls);
    }

    [Fact]
    public void Thresholds_are_configurable_but_must_be_ordered()
    {
        var now = DateTimeOffset.UnixEpoch.AddDays(1);
        Assert.Equal(AiCostLevel.Alert, new AiCostMonitor(0.1m, 0.2m).Evaluate([new(now, 0.3m)], now).Level);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AiCostMonitor(5m, 1m));
    }
}
