using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Host.Auth;

namespace Sleek.Workflows.Host.Endpoints.VersionMigrations;

/// <summary>Version migration: move one running instance to another published version, or dry-run a whole definition.</summary>
internal static class VersionMigrationsEndpoints
{
    public static void MapVersionMigrationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/instances/{id:guid}/migrate", MigrateAsync)
            .RequireAuthorization(SleekPolicies.Ops)
            .WithTags("Instances")
            .WithName("MigrateInstance")
            .WithSummary("Moves a Running or Suspended instance to another published version of its definition when safe; otherwise 409 listing every problem, and nothing changes.");
        app.MapPost("/api/workflows/{definitionId}/migrations/dry-run", DryRunAsync)
            .RequireAuthorization(SleekPolicies.Ops)
            .WithTags("Workflows")
            .WithName("DryRunMigration")
            .WithSummary("For every Running and Suspended instance of the definition: could it move to the target version now, and why not. Changes nothing.");
    }

    private static async Task<Results<Ok<InstanceView>, NotFoundProblem, ConflictProblem, BadRequestProblem>> MigrateAsync(
        Guid id, MigrateBody body, InstanceMigrations migrations, CancellationToken cancellationToken)
    {
        if (body.TargetVersion is not { } target || target < 1)
        {
            return Problems.Invalid("targetVersion", "is required: a published version number, 1 or more");
        }

        return Problems.From(await migrations.MigrateAsync(id, target, cancellationToken));
    }

    private static async Task<Results<Ok<MigrationReport>, NotFoundProblem, ConflictProblem, BadRequestProblem>> DryRunAsync(
        string definitionId, DryRunBody body, InstanceMigrations migrations, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.TargetVersion is not { } target || target < 1)
        {
            errors["targetVersion"] = ["is required: a published version number, 1 or more"];
        }

        if (body.FromVersion is < 1)
        {
            errors["fromVersion"] = ["must be 1 or more (leave it out to check every other version)"];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid("The dry-run request is invalid.", errors);
        }

        return Problems.From(await migrations.DryRunAsync(definitionId, body.TargetVersion!.Value, body.FromVersion, cancellationToken));
    }
}
