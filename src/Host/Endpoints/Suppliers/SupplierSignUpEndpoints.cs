using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.RateLimits;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Host.Endpoints.Suppliers;

/// <summary>
/// A factory signs up: an account (role supplier, bound to the new supplier) and the supplier, pending verification,
/// whose onboarding starts. With an invitation (the e-mailed link's supplier id and token) the account takes over the
/// supplier ops invited instead of making another. Anonymous, rate-limited like registration.
/// </summary>
internal static class SupplierSignUpEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/signup", SignUpAsync).AllowAnonymous().WithSleekRateLimit(RateLimitPolicies.Register).WithName("SupplierSignUp")
            .WithSummary("A supplier signs up: account + company profile (pending verification). Sign in afterwards, upload documents and submit them.");
    }

    private static async Task<Results<Created<SupplierSignUpResult>, BadRequestProblem, ConflictProblem, NotFoundProblem>> SignUpAsync(
        SupplierSignUpBody body, HttpContext http, Accounts accounts, MarketplaceDb marketplace, SupplierOnboarding onboarding, IAuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = Credentials.Check(body.Email, body.Password);
        foreach (var (field, messages) in SupplierValidation.Check(body.Supplier, "supplier."))
        {
            errors[field] = messages;
        }

        if (body.DisplayName is { Length: > 100 })
        {
            errors["displayName"] = ["must be at most 100 characters"];
        }

        if (body.InvitationSupplierId is { } invited && onboarding.CheckInvitation(invited, body.Invitation) is { } refused)
        {
            errors["invitation"] = [$"is not a valid invitation for this supplier ({refused})"];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid("The sign-up is invalid.", errors);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var db = marketplace.CreateContext();
        Supplier supplier;
        if (body.InvitationSupplierId is { } invitedId)
        {
            var existing = await db.Suppliers.SingleOrDefaultAsync(s => s.Id == invitedId, cancellationToken);
            if (existing is null)
            {
                return Problems.NotFound($"supplier {invitedId} does not exist");
            }

            if (existing.UserId is not null)
            {
                return Problems.Conflict("this invitation was already used to sign up; sign in instead");
            }

            supplier = existing;
        }
        else
        {
            supplier = new Supplier();
        }

        var email = Credentials.NormalizeEmail(body.Email)!;
        var (user, conflict) = await accounts.CreateAsync(email, body.Password!, SleekRoles.Supplier, supplier.Id.ToString(), body.DisplayName, UserStatus.Active, "self", cancellationToken);
        await audit.RecordAsync(http, AuditActions.Register, user is null ? AuditOutcome.Failure : AuditOutcome.Success, email, $"role=supplier supplier={supplier.Id}", user is null ? 409 : 201, cancellationToken);
        if (user is null)
        {
            return Problems.Conflict(conflict!);
        }

        var certificates = SupplierValidation.Apply(body.Supplier!, supplier, today);
        supplier.UserId = user.Id.ToString();
        if (body.InvitationSupplierId is null)
        {
            db.Suppliers.Add(supplier);
        }

        await using (var write = await db.BeginWriteAsync(cancellationToken))
        {
            await db.SupplierCertificates.Where(c => c.SupplierId == supplier.Id).ExecuteDeleteAsync(cancellationToken);
            db.SupplierCertificates.AddRange(certificates);
            await db.SaveChangesAsync(cancellationToken);
            await write.CommitAsync(cancellationToken);
        }

        if (supplier.OnboardingInstanceId is null)
        {
            await onboarding.StartAsync(supplier, invited: false, cancellationToken);
        }

        return TypedResults.Created($"/api/suppliers/{supplier.Id}", new SupplierSignUpResult(SupplierDto.From(supplier, certificates, today), user.Id.ToString()));
    }
}
