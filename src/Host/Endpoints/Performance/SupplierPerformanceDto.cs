namespace Sleek.Workflows.Host.Endpoints.Performance;

/// <summary>A supplier's performance loop: the counters its orders moved and the scores assignment ranks by.</summary>
/// <param name="SupplierId">The supplier.</param>
/// <param name="Name">Its name.</param>
/// <param name="ActiveOrders">Orders it runs now (down at delivery and cancellation).</param>
/// <param name="Capacity">Orders it can run at once.</param>
/// <param name="TotalOrders">Orders it ever accepted.</param>
/// <param name="DeliveredOrders">Of those, delivered.</param>
/// <param name="CancelledOrders">Of those, cancelled after it accepted them.</param>
/// <param name="OnTimeRate">0–1: promised vs actual stage ends and deliveries (its starting value counts as 10 events).</param>
/// <param name="OnTimeEvents">Stages and deliveries done by the promised date.</param>
/// <param name="TimedEvents">Stages and deliveries measured.</param>
/// <param name="Rating">0–5 stars: QC outcomes (pass 5, fail 1; its starting value counts as 10 inspections).</param>
/// <param name="QcInspections">QC inspections of its orders.</param>
/// <param name="QcFailures">Of those, failed.</param>
/// <param name="QcFailRate">QcFailures ÷ QcInspections (0 before any).</param>
internal sealed record SupplierPerformanceDto(
    Guid SupplierId,
    string Name,
    int ActiveOrders,
    int Capacity,
    int TotalOrders,
    int DeliveredOrders,
    int CancelledOrders,
    decimal OnTimeRate,
    int OnTimeEvents,
    int TimedEvents,
    decimal Rating,
    int QcInspections,
    int QcFailures,
    double QcFailRate);
