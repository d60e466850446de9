namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// The events a party may raise (<c>POST /api/events/{name}</c>, or a token of a wait for one), and only on the
/// instances of its own quotes and orders (<see cref="ResourceAccess"/>). Any other event is internal: raised by
/// staff, a key bound to no party, or the system (Stripe's webhook raises <c>PaymentReceived</c>). The workflows'
/// event names: <c>workflows/*/v*.json</c>, WaitForEvent activities.
/// </summary>
public static class PartyEvents
{
    /// <summary>Event name → the party roles that may raise it.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RaisedBy = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // The buyer accepts its own quote (quote-to-delivery's wait-accept, correlation id = the quote id).
        ["QuoteAccepted"] = [SleekRoles.Buyer],
        // The assigned supplier reports a production stage done after its deadline (correlation "<orderId>:<sequence>").
        ["ProductionStageCompleted"] = [SleekRoles.Supplier, SleekRoles.Factory],
    };

    /// <summary>True when a party of <paramref name="role"/> may raise <paramref name="eventName"/>.</summary>
    public static bool MayRaise(string role, string eventName) =>
        RaisedBy.TryGetValue(eventName, out var roles) && roles.Contains(role);
}
