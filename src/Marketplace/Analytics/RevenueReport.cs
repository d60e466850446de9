namespace Sleek.Workflows.Marketplace.Analytics;

/// <summary>Money received (payments) in a range, in total and by invoice kind.</summary>
/// <param name="Currency">Always USD today.</param>
/// <param name="Total">Sum of all payments.</param>
/// <param name="Deposit">Sum of payments of deposit invoices.</param>
/// <param name="Balance">Sum of payments of balance invoices.</param>
/// <param name="Payments">Number of payments.</param>
public sealed record RevenueReport(string Currency, decimal Total, decimal Deposit, decimal Balance, int Payments);
