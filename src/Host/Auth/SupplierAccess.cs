namespace Sleek.Workflows.Host.Auth;

/// <summary>Who may see a supplier's profile and documents, and upload to it: staff, and that supplier's own users and bound keys.</summary>
public static class SupplierAccess
{
    /// <summary>True for admin/ops, and for a supplier-side caller (user or bound key) of this supplier.</summary>
    public static bool CanSee(SleekCaller caller, Guid supplierId) =>
        caller.IsStaff || IsOwn(caller, supplierId);

    /// <summary>True for this supplier's own users and bound keys.</summary>
    public static bool IsOwn(SleekCaller caller, Guid supplierId) =>
        ResourceAccess.PartyOf(caller) is { } party
        && SleekRoles.IsSupplierSide(party.Role)
        && Guid.TryParse(party.Id, out var id)
        && id == supplierId;
}
