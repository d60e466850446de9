using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Marketplace.Parties;

namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// The one decision on which records a caller may see or act on, beyond the endpoint's policy: every endpoint asks it,
/// and every resume (by token, event or task) through <see cref="ResumeAccessGuard"/>. Admin and ops see everything; a
/// buyer only what carries their user id; supplier and factory users only what is assigned to their supplier
/// (<c>party</c>); an API key bound to a party like that party, one bound to none (a platform integration) everything
/// its scopes open. Handlers answer 404 for records the caller may not see (their existence is not revealed) and 403
/// for what a caller may see but not do.
/// </summary>
public sealed class ResourceAccess(PartyInstances parties)
{
    /// <summary>An order (or its invoices, tasks, timeline).</summary>
    public static bool CanSeeOrder(SleekCaller caller, string? buyerUserId, Guid? supplierId)
    {
        if (caller.IsStaff)
        {
            return true;
        }

        if (caller.IsApiKey)
        {
            return caller.HasScope(ApiScopes.OrdersRead) && (caller.PartyRole is null || IsParty(caller.PartyRole, caller.PartyId, buyerUserId, supplierId));
        }

        return IsParty(caller.Role, caller.Role == SleekRoles.Buyer ? caller.Id : caller.PartyId, buyerUserId, supplierId);
    }

    /// <summary>An invoice (the buyer's document, not the supplier's): staff, the order's buyer, a key with orders:read bound to that buyer or to no party.</summary>
    public static bool CanSeeInvoice(SleekCaller caller, string? buyerUserId) =>
        caller.IsStaff
        || (caller.Role == SleekRoles.Buyer && buyerUserId is not null && buyerUserId == caller.Id)
        || (caller.HasScope(ApiScopes.OrdersRead) && (caller.PartyRole is null || (caller.PartyRole == SleekRoles.Buyer && buyerUserId == caller.PartyId)));

    /// <summary>A quote: staff, or the buyer who asked for it while signed in.</summary>
    public static bool CanSeeQuote(SleekCaller caller, string? buyerUserId) =>
        caller.IsStaff || (caller.Role == SleekRoles.Buyer && buyerUserId is not null && buyerUserId == caller.Id);

    /// <summary>A human task: staff see all; others the tasks of their role (and party, when the task names one).</summary>
    public static bool CanSeeTask(SleekCaller caller, TaskView task) =>
        caller.IsStaff || (IsFor(caller, task) && (!caller.IsApiKey || caller.HasScope(ApiScopes.TasksRead) || caller.HasScope(ApiScopes.TasksComplete)));

    /// <summary>
    /// Completing a task, on any path (task API or its bookmark's token): the role (and party) it was created for; staff
    /// (admin and ops) any, acting for the task's party (the audit entry names both, see <c>ResumeAudit</c>). Suppliers,
    /// factories, buyers and party-bound keys only their own; a supplier also its own factory's (stage tasks: a delay report).
    /// </summary>
    public static bool CanCompleteTask(SleekCaller caller, TaskView task) => caller.IsStaff || IsFor(caller, task);

    /// <summary>Whether a completion allowed by <see cref="CanCompleteTask"/> is staff acting for another role or party.</summary>
    public static bool ActsOnBehalf(SleekCaller caller, TaskView task) => caller.IsStaff && !IsFor(caller, task);

    /// <summary>The assignee value that means "this caller" in task lists: the supplier id for supplier-side callers, else the user id.</summary>
    public static string? AssigneeOf(SleekCaller caller) =>
        caller.IsApiKey || SleekRoles.IsSupplierSide(caller.Role) ? caller.PartyId : caller.Id;

    /// <summary>The party a caller acts for; null for staff, rule authors, keys bound to no party and anonymous callers.</summary>
    public static CallerParty? PartyOf(SleekCaller caller)
    {
        if (caller.IsApiKey)
        {
            return caller is { PartyRole: { } role, PartyId: { } id } ? new CallerParty(role, id) : null;
        }

        return caller.Role switch
        {
            SleekRoles.Buyer when caller.Id is { } id => new CallerParty(SleekRoles.Buyer, id),
            SleekRoles.Supplier or SleekRoles.Factory when caller.PartyId is { } id => new CallerParty(caller.Role, id),
            _ => null,
        };
    }

    /// <summary>Every workflow instance: staff, and keys bound to no party.</summary>
    public static bool SeesAllInstances(SleekCaller caller) => caller.IsStaff || (caller.IsApiKey && caller.PartyRole is null);

    /// <summary>Starting workflows directly: not for a key bound to a party (buyers request quotes; a start could name anyone as buyer).</summary>
    public static bool CanStartInstances(SleekCaller caller) => !(caller.IsApiKey && caller.PartyRole is not null);

    /// <summary>A workflow instance whose quote and order belong to <paramref name="owners"/>.</summary>
    public static bool CanSeeInstance(SleekCaller caller, InstanceParties owners)
    {
        if (SeesAllInstances(caller))
        {
            return true;
        }

        return PartyOf(caller) switch
        {
            { Role: SleekRoles.Buyer, Id: var id } => owners.BuyerUserId is not null && owners.BuyerUserId == id,
            { Role: SleekRoles.Supplier or SleekRoles.Factory, Id: var id } => Guid.TryParse(id, out var supplier) && owners.SupplierId == supplier,
            _ => false,
        };
    }

    /// <summary>One instance (its details, journal and waits); <paramref name="correlationId"/> is the instance's.</summary>
    public async Task<bool> CanSeeInstanceAsync(SleekCaller caller, Guid instanceId, string? correlationId, CancellationToken cancellationToken) =>
        SeesAllInstances(caller) || CanSeeInstance(caller, await parties.OfAsync(instanceId, correlationId, cancellationToken));

    /// <summary>The instances a caller may list: null for all, else the ids of its party's quotes and orders (the list query filters on them).</summary>
    public async Task<IReadOnlyCollection<Guid>?> VisibleInstancesAsync(SleekCaller caller, CancellationToken cancellationToken)
    {
        if (SeesAllInstances(caller))
        {
            return null;
        }

        return PartyOf(caller) switch
        {
            { Role: SleekRoles.Buyer, Id: var id } => await parties.OfBuyerAsync(id, cancellationToken),
            { Role: SleekRoles.Supplier or SleekRoles.Factory, Id: var id } when Guid.TryParse(id, out var supplier) => await parties.OfSupplierAsync(supplier, cancellationToken),
            _ => [],
        };
    }

    /// <summary>
    /// Whether a caller may resume a wait, the same on every path (token, event, task):
    /// <list type="bullet">
    /// <item>a human task: its role and assignee (staff any), and never while its order is on hold, whoever asks;</item>
    /// <item>a timer or an event's wait: staff and keys bound to no party may; a party only on the instances of its own
    /// quotes and orders, never a timer (timers fire by the clock or ops), only the events of <see cref="PartyEvents"/>,
    /// and not while the order is on hold.</item>
    /// </list>
    /// A wait on an instance the caller may not see is hidden (404) unless the caller already knows of it (the task API).
    /// </summary>
    public async Task<ResumeRefusal?> CheckResumeAsync(SleekCaller caller, ResumeAttempt attempt, CancellationToken cancellationToken)
    {
        if (attempt.Task is { } task)
        {
            var owners = await parties.OfAsync(attempt.InstanceId, attempt.CorrelationId, attempt.Transaction, cancellationToken);
            if (!CanCompleteTask(caller, task))
            {
                if (attempt.Path != ResumePath.Task && !CanSeeInstance(caller, owners))
                {
                    return ResumeRefusal.Hidden($"task {task.Id} of instance {attempt.InstanceId} belongs to another party");
                }

                return ResumeRefusal.Forbidden($"task {task.Id} is not yours to complete");
            }

            return Held(attempt, owners);
        }

        if (SeesAllInstances(caller))
        {
            return null;
        }

        if (caller.QuoteLink is { } linked)
        {
            return QuoteLinkCaller.Check(linked, attempt);
        }

        var party = PartyOf(caller);
        var instanceOwners = await parties.OfAsync(attempt.InstanceId, attempt.CorrelationId, attempt.Transaction, cancellationToken);
        if (party is null || !CanSeeInstance(caller, instanceOwners))
        {
            return ResumeRefusal.Hidden($"wait {attempt.ActivityId} of instance {attempt.InstanceId} belongs to another party");
        }

        if (attempt.IsTimer)
        {
            return ResumeRefusal.Forbidden($"the wait of '{attempt.ActivityId}' is a timer: it fires on its own at {attempt.DueAt:O}, and only ops may fire it early");
        }

        if (!PartyEvents.MayRaise(party.Role, attempt.WaitName))
        {
            return ResumeRefusal.Forbidden($"a {party.Role} may not raise '{attempt.WaitName}' (the wait of '{attempt.ActivityId}'); ops or the system do");
        }

        return Held(attempt, instanceOwners);
    }

    private static ResumeRefusal? Held(ResumeAttempt attempt, InstanceParties owners) =>
        attempt.IsOpen && owners.HeldOrder is { } order ? ResumeRefusal.Conflict($"order {order} is on hold; release it first") : null;

    /// <summary>
    /// The role whose tasks a party caller lists: its own, or — for a supplier asking for <c>factory</c> — its
    /// factory's (see <see cref="ActsAs"/>).
    /// </summary>
    public static string? TaskRoleFor(SleekCaller caller, string? requested) =>
        requested is not null && ActsAs(caller.ActingRole, requested) ? requested : caller.ActingRole;

    /// <summary>
    /// A caller of <paramref name="role"/> acts for <paramref name="taskRole"/>: the same role, or a supplier for its own
    /// factory (the supplier runs its factories: it may complete a stage, or report a stage's delay, when the factory
    /// does not). Not the other way round: a factory user does not answer offers or ship.
    /// </summary>
    private static bool ActsAs(string? role, string? taskRole) =>
        role is not null && (string.Equals(taskRole, role, StringComparison.OrdinalIgnoreCase)
            || (role == SleekRoles.Supplier && string.Equals(taskRole, SleekRoles.Factory, StringComparison.OrdinalIgnoreCase)));

    private static bool IsFor(SleekCaller caller, TaskView task)
    {
        if (!ActsAs(caller.ActingRole, task.Role))
        {
            return false;
        }

        return task.Assignee is null
            || (caller.PartyId is not null && task.Assignee == caller.PartyId)
            || (!caller.IsApiKey && task.Assignee == caller.Id)
            || (!caller.IsApiKey && caller.Name is not null && string.Equals(task.Assignee, caller.Name, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsParty(string? role, string? partyId, string? buyerUserId, Guid? supplierId) => role switch
    {
        SleekRoles.Buyer => partyId is not null && buyerUserId == partyId,
        SleekRoles.Supplier or SleekRoles.Factory => partyId is not null && supplierId is { } s && s.ToString() == partyId,
        _ => false,
    };
}
