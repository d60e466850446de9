namespace Sleek.Workflows.Marketplace.Quotes;

/// <summary>
/// A discount promised on a quote (docs/domain.md: the discount follow-up's 10 %): one rounding for the quote page, the
/// follow-up e-mail and the order made from it, so the buyer pays what they were shown.
/// </summary>
public static class QuoteDiscount
{
    /// <summary>The largest discount a workflow may promise.</summary>
    public const int MaxPercent = 50;

    /// <summary><paramref name="amount"/> less <paramref name="percent"/> %, rounded to <paramref name="decimals"/> (half away from zero).</summary>
    public static decimal Apply(decimal amount, decimal percent, int decimals = 2) =>
        percent == 0 ? amount : Math.Round(amount * (100 - percent) / 100, decimals, MidpointRounding.AwayFromZero);
}
