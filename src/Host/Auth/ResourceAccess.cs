using Sleek.Workflows.Engine.Runtime.Views;

namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// Which records a caller may see or act on, beyond the endpoint's policy. Admin and ops see everything; a
/// buyer only what carries their user id; supplier and factory users only what is assigned to their
/// supplier (<c>party</c>); an API key bound to a party like that party, an unbound one with the scope all.
/// Handlers answer 404 for records the caller may not see (their existence is not revealed) and 403 for
/// tasks a caller may see but not complete.
/// </summary>
public static class ResourceAccess
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

    /// <summary>Completing a task: the role (and party) it was created for; admin any.</summary>
    public static bool CanCompleteTask(SleekCaller caller, TaskView task) =>
        caller.IsAdmin || (IsFor(caller, task) && (!caller.IsApiKey || caller.HasScope(ApiScopes.TasksComplete)));

    /// <summary>The assignee value that means "this caller" in task lists: the supplier id for supplier-side callers, else the user id.</summary>
    public static string? AssigneeOf(SleekCaller caller) =>
        caller.IsApiKey || SleekRoles.IsSupplierSide(caller.Role) ? caller.PartyId : caller.Id;

    private static bool IsFor(SleekCaller caller, TaskView task)
    {
        if (caller.ActingRole is not { } role || !string.Equals(task.Role, role, StringComparison.OrdinalIgnoreCase))
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
