namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>
/// The money rules of invoices: the 30 % deposit and 70 % balance of an order total, cents, and the
/// payment intent's limits. The deposit is rounded to the cent half away from zero and the balance is
/// what is left, so the two always add up to the total exactly (1,296.75 → 389.03 + 907.72).
/// </summary>
public static class InvoiceAmounts
{
    /// <summary>Share of the total billed as the deposit.</summary>
    public const decimal DepositShare = 0.30m;

    /// <summary>The smallest amount Stripe charges in USD, in cents ($1.00).</summary>
    public const long MinimumCents = 100;

    /// <summary>How far a payment intent's amount may be from its invoice's (±0.5 %).</summary>
    public const decimal Tolerance = 0.005m;

    /// <summary>Days from issue to due date.</summary>
    public const int DueDays = 7;

    /// <summary>The invoice amount of this kind for an order total.</summary>
    public static decimal For(InvoiceKind kind, decimal orderTotal)
    {
        var deposit = Math.Round(orderTotal * DepositShare, 2, MidpointRounding.AwayFromZero);
        return kind == InvoiceKind.Deposit ? deposit : orderTotal - deposit;
    }

    /// <summary>An amount in cents (rounded half away from zero).</summary>
    public static long ToCents(decimal amount) => decimal.ToInt64(Math.Round(amount * 100m, 0, MidpointRounding.AwayFromZero));

    /// <summary>Cents as an amount.</summary>
    public static decimal FromCents(long cents) => cents / 100m;

    /// <summary>
    /// Why no payment intent may be taken for this invoice and intent amount (docs/domain.md: pending, not paid,
    /// amount above zero and at least $1.00, the intent within ±0.5 % of the invoice), or null when it may.
    /// </summary>
    public static string? PaymentIntentRefusal(Invoice invoice, long intentCents)
    {
        if (invoice.Status == InvoiceStatus.Paid)
        {
            return $"invoice {invoice.Number} is already paid{(invoice.PaidAt is { } at ? $" (at {at:yyyy-MM-ddTHH:mm:ssZ})" : "")}; no payment intent is taken";
        }

        if (invoice.Status != InvoiceStatus.Pending)
        {
            return $"invoice {invoice.Number} is {invoice.Status.ToString().ToLowerInvariant()}; only a pending invoice can be paid";
        }

        var invoiceCents = ToCents(invoice.Amount);
        if (invoiceCents <= 0)
        {
            return $"invoice {invoice.Number} has amount {invoice.Amount:0.00} {invoice.Currency}; it must be above zero";
        }

        if (invoiceCents < MinimumCents)
        {
            return $"invoice {invoice.Number} has amount {invoice.Amount:0.00} {invoice.Currency}, below the minimum of 1.00 for a card payment; confirm it manually";
        }

        if (Math.Abs(intentCents - invoiceCents) > invoiceCents * Tolerance)
        {
            return $"the payment intent's amount {FromCents(intentCents):0.00} differs from invoice {invoice.Number}'s {invoice.Amount:0.00} by more than 0.5 %";
        }

        return null;
    }
}
