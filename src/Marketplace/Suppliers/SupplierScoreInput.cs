namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>
/// The input of the <c>supplier-scoring</c> rule set: what the score of one supplier for one order reads. Rating and
/// on-time rate are clamped (0–5, 0–1) before the rules see them, so a rule's weight is its whole cap.
/// </summary>
/// <param name="Match">How the supplier's categories match the order's: <c>exact</c>, <c>related</c> or <c>none</c>.</param>
/// <param name="ActiveOrders">Orders the supplier is working on (at least 0).</param>
/// <param name="Capacity">Orders the supplier can work on at once.</param>
/// <param name="Rating">Stars, 0 to 5.</param>
/// <param name="OnTimeRate">Share of orders delivered on time, 0 to 1.</param>
public sealed record SupplierScoreInput(string Match, long ActiveOrders, long Capacity, double Rating, double OnTimeRate);
