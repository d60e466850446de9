namespace Sleek.Workflows.Host.Demo;

/// <summary>
/// One demo request of the demo buyer: what is asked for, whether the quote is accepted, and where its workflow is
/// left: waiting on the first task whose title starts with <see cref="StopAt"/>, or finished when that is null.
/// </summary>
/// <param name="Number">1, 2, …: fixes the quote's and the instance's ids, so a restart finds what it made.</param>
/// <param name="ProductType">A catalog category.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Complexity">simple, medium or complex.</param>
/// <param name="Accept">Whether the buyer accepts the quote (which makes the order).</param>
/// <param name="StopAt">Start of the title of the task left open for someone to do; null: run to the end.</param>
/// <param name="Story">What a newcomer finds there (the quote's requirements text, and the log).</param>
internal sealed record DemoScenario(int Number, string ProductType, int Quantity, string Complexity, bool Accept, string? StopAt, string Story)
{
    /// <summary>The quote's id (the instance's correlation id).</summary>
    public Guid QuoteId => Guid.Parse($"00000000-0000-0000-de30-{Number:D12}");

    /// <summary>The workflow instance's id.</summary>
    public Guid InstanceId => Guid.Parse($"00000000-0000-0000-de31-{Number:D12}");

    /// <summary>The demo's requests, from a quote nobody accepted yet to a delivered order.</summary>
    public static readonly IReadOnlyList<DemoScenario> All =
    [
        new(1, "hoodie", 120, "complex", false, null, "a quote the buyer has not accepted yet"),
        new(2, "polo_shirt", 250, "medium", true, "Confirm payment of", "an order whose deposit ops confirm"),
        new(3, "t_shirt", 300, "simple", true, "Send a sample", "an order whose sample the supplier sends"),
        new(4, "t_shirt", 500, "medium", true, "Approve the sample", "an order whose sample the buyer approves"),
        new(5, "t_shirt", 200, "medium", true, "Complete ", "an order in production, its first stage started by the factory"),
        new(6, "t_shirt", 150, "simple", true, null, "an order delivered and completed"),
    ];
}
