using Sleek.Workflows.Marketplace.Orders;

namespace Sleek.Workflows.Marketplace.Tests.Orders;

public sealed class OrderStatusTransitionTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 6, 0, 0, DateTimeKind.Utc);

    // The workflow's graph as the issue states it (besides cancel/hold from every non-final status).
    private static readonly (OrderStatus From, OrderStatus To)[] Edges =
    [
        (OrderStatus.QuoteRequested, OrderStatus.QuoteSent),
        (OrderStatus.QuoteSent, OrderStatus.AdminReview),
        (OrderStatus.QuoteSent, OrderStatus.AwaitingPayment),
        (OrderStatus.AdminReview, OrderStatus.AwaitingPayment),
        (OrderStatus.AwaitingPayment, OrderStatus.PaymentReceived),
        (OrderStatus.PaymentReceived, OrderStatus.AssignedToSupplier),
        (OrderStatus.PaymentReceived, OrderStatus.ReadyToShip),
        (OrderStatus.AssignedToSupplier, OrderStatus.SampleRequested),
        (OrderStatus.SampleRequested, OrderStatus.SampleSubmitted),
        (OrderStatus.SampleSubmitted, OrderStatus.SampleApproved),
        (OrderStatus.SampleSubmitted, OrderStatus.SampleRequested),
        (OrderStatus.SampleApproved, OrderStatus.BulkProduction),
        (OrderStatus.BulkProduction, OrderStatus.QcInspection),
        (OrderStatus.QcInspection, OrderStatus.BulkProduction),
        (OrderStatus.QcInspection, OrderStatus.AwaitingPayment),
        (OrderStatus.ReadyToShip, OrderStatus.Shipped),
        (OrderStatus.Shipped, OrderStatus.Delivered),
        (OrderStatus.Delivered, OrderStatus.Completed),
    ];

    private static readonly OrderStatus[] NonFinal = Enum.GetValues<OrderStatus>()
        .Where(s => s is not (OrderStatus.Completed or OrderStatus.Cancelled or OrderStatus.OnHold)).ToArray();

    public static TheoryData<OrderStatus, OrderStatus> AllowedEdges()
    {
        var data = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var (from, to) in Edges)
        {
            data.Add(from, to);
        }

        foreach (var from in NonFinal)
        {
            data.Add(from, OrderStatus.Cancelled);
            data.Add(from, OrderStatus.OnHold);
        }

        return data;
    }

    public static TheoryData<OrderStatus, OrderStatus> DisallowedEdges()
    {
        var allowed = AllowedEdges().Select(row => ((OrderStatus)row[0], (OrderStatus)row[1])).ToHashSet();
        var data = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var from in Enum.GetValues<OrderStatus>().Where(s => s != OrderStatus.OnHold))
        {
            foreach (var to in Enum.GetValues<OrderStatus>().Where(to => !allowed.Contains((from, to))))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    private static Order OrderIn(OrderStatus status) => new() { Number = "ORD-2026-0001", Status = status };

    [Theory]
    [MemberData(nameof(AllowedEdges))]
    public void Allowed_change_moves_the_order_and_writes_the_timeline(OrderStatus from, OrderStatus to)
    {
        var order = OrderIn(from);

        var entry = order.ChangeStatus(to, "ops@sleek.example", "because", Now);

        Assert.Equal(to, order.Status);
        Assert.Equal(Now, order.UpdatedAt);
        Assert.Same(entry, Assert.Single(order.Timeline));
        Assert.Equal((order.Id, Now, "ops@sleek.example", Order.StatusChangedAction, from, to, "because"),
            (entry.OrderId, entry.At, entry.Actor, entry.Action, entry.FromStatus, entry.ToStatus, entry.Reason));
    }

    [Theory]
    [MemberData(nameof(DisallowedEdges))]
    public void Every_other_change_is_refused_naming_from_and_to(OrderStatus from, OrderStatus to)
    {
        var order = OrderIn(from);

        var error = Assert.Throws<DisallowedTransitionException>(() => order.ChangeStatus(to, "ops", null, Now));

        Assert.Equal((from, to), (error.From, error.To));
        Assert.Contains($"from {from.ToName()} to {to.ToName()}", error.Message, StringComparison.Ordinal);
        Assert.Equal(from, order.Status);
        Assert.Empty(order.Timeline);
    }

    [Fact]
    public void Refusal_lists_the_allowed_statuses()
    {
        var error = Assert.Throws<DisallowedTransitionException>(() => OrderIn(OrderStatus.QuoteSent).ChangeStatus(OrderStatus.Shipped, "ops", null, Now));
        Assert.Equal("order status cannot change from quote_sent to shipped; allowed from quote_sent: admin_review, awaiting_payment, cancelled, on_hold", error.Message);
        var final = Assert.Throws<DisallowedTransitionException>(() => OrderIn(OrderStatus.Completed).ChangeStatus(OrderStatus.Shipped, "ops", null, Now));
        Assert.Contains("completed is final", final.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NonFinalStatuses))]
    public void Hold_returns_only_to_the_status_it_was_held_from(OrderStatus heldFrom)
    {
        var order = OrderIn(heldFrom);
        order.ChangeStatus(OrderStatus.OnHold, "ops", "buyer asked to pause", Now);
        Assert.Equal((OrderStatus.OnHold, heldFrom), (order.Status, order.StatusBeforeHold));

        foreach (var other in Enum.GetValues<OrderStatus>().Where(s => s != heldFrom && s != OrderStatus.Cancelled))
        {
            Assert.Throws<DisallowedTransitionException>(() => order.ChangeStatus(other, "ops", null, Now));
        }

        order.ChangeStatus(heldFrom, "ops", "resumed", Now.AddDays(1));
        Assert.Equal(heldFrom, order.Status);
        Assert.Null(order.StatusBeforeHold);
        Assert.Equal([(heldFrom, OrderStatus.OnHold), (OrderStatus.OnHold, heldFrom)], order.Timeline.Select(t => (t.FromStatus!.Value, t.ToStatus!.Value)));
    }

    public static TheoryData<OrderStatus> NonFinalStatuses() => new(NonFinal);

    [Fact]
    public void Held_order_can_be_cancelled()
    {
        var order = OrderIn(OrderStatus.BulkProduction);
        order.ChangeStatus(OrderStatus.OnHold, "ops", null, Now);
        order.ChangeStatus(OrderStatus.Cancelled, "ops", "buyer withdrew", Now);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Empty(OrderStatusTransitions.Allowed(order.Status));
    }

    [Fact]
    public void Names_are_the_domain_snake_case_strings()
    {
        Assert.Equal(
            ["quote_requested", "quote_sent", "admin_review", "awaiting_payment", "payment_received", "assigned_to_supplier", "sample_requested",
             "sample_submitted", "sample_approved", "bulk_production", "qc_inspection", "ready_to_ship", "shipped", "delivered", "completed", "cancelled", "on_hold"],
            OrderStatusNames.All);
        Assert.True(OrderStatusNames.TryParse(" Assigned_To_Supplier ", out var status));
        Assert.Equal(OrderStatus.AssignedToSupplier, status);
        Assert.False(OrderStatusNames.TryParse("AssignedToSupplier", out _));
        Assert.Equal("\"ready_to_ship\"", System.Text.Json.JsonSerializer.Serialize(OrderStatus.ReadyToShip, new System.Text.Json.JsonSerializerOptions { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } }));
    }
}
