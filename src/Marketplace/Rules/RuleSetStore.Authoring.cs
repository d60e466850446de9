using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>Rule sets rule authors create, rename and retire (built-in ones are neither renamed nor retired: the code names them).</summary>
public sealed partial class RuleSetStore
{
    /// <summary>
    /// Creates a rule set with its first version, compiled against input kind <paramref name="input"/>. Invalid: a bad name,
    /// input kind or rule (keyed by field or <c>Workflow/Rule</c>). Conflict: the name is taken (retired names too: their history stays theirs).
    /// </summary>
    public async Task<OperationResult<RuleSetVersion>> CreateAsync(
        string name, string input, string? description, string json, string author, CancellationToken cancellationToken)
    {
        if (!RuleSetCatalog.IsValidName(name))
        {
            return Invalid("name", $"'{name}' is not a rule set name: use 1–100 lower-case letters, digits and dashes, starting with a letter or digit");
        }

        if (!RuleSetCatalog.InputKinds.ContainsKey(input))
        {
            return Invalid("input", $"'{input}' is not an input kind; use one of: {string.Join(", ", RuleSetCatalog.InputKinds.Keys)}");
        }

        if (description?.Length > 2000)
        {
            return Invalid("description", "must be at most 2000 characters");
        }

        var file = RuleSetFile.Parse(catalog.Get(name, input, description), json);
        if (!file.IsValid)
        {
            return OperationResult<RuleSetVersion>.Invalid(
                $"rule set '{name}' was not created: {string.Join("; ", file.Problems)}", RuleProblem.ByField(file.Problems));
        }

        if (catalog.IsKnown(name))
        {
            return OperationResult<RuleSetVersion>.Conflict($"rule set '{name}' is built in; save a new version with PUT /api/rules/{name}");
        }

        await using var db = marketplace.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await db.RuleSets.AnyAsync(r => r.Name == name, cancellationToken) || await db.RuleSetVersions.AnyAsync(r => r.Name == name, cancellationToken))
        {
            return OperationResult<RuleSetVersion>.Conflict($"rule set '{name}' already exists; save a new version with PUT /api/rules/{name}");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.RuleSets.Add(new RuleSetRecord { Name = name, Input = input, Description = description ?? "", CreatedBy = author, CreatedAt = now });
        var version = new RuleSetVersion { Name = name, Version = 1, Json = json, Author = author, Comment = "created", CreatedAt = now };
        db.RuleSetVersions.Add(version);
        try
        {
            await write.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            return OperationResult<RuleSetVersion>.Conflict($"rule set '{name}' was created at the same moment by someone else");
        }

        return OperationResult<RuleSetVersion>.Created(version);
    }

    /// <summary>Renames a created rule set; its versions move with it (history kept), and the new name records the old one.</summary>
    public async Task<OperationResult<RuleSetInfo>> RenameAsync(string name, string newName, CancellationToken cancellationToken)
    {
        if (!RuleSetCatalog.IsValidName(newName))
        {
            return Invalid<RuleSetInfo>("name", $"'{newName}' is not a rule set name: use 1–100 lower-case letters, digits and dashes");
        }

        if (catalog.IsKnown(name))
        {
            return OperationResult<RuleSetInfo>.Conflict($"rule set '{name}' is built in: the marketplace's code uses it by name, so it cannot be renamed");
        }

        if (catalog.IsKnown(newName))
        {
            return OperationResult<RuleSetInfo>.Conflict($"'{newName}' is a built-in rule set");
        }

        await using var db = marketplace.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var record = await db.RuleSets.SingleOrDefaultAsync(r => r.Name == name, cancellationToken);
        if (record is null)
        {
            return OperationResult<RuleSetInfo>.NotFound($"rule set '{name}' does not exist");
        }

        if (await db.RuleSets.AnyAsync(r => r.Name == newName, cancellationToken) || await db.RuleSetVersions.AnyAsync(r => r.Name == newName, cancellationToken))
        {
            return OperationResult<RuleSetInfo>.Conflict($"rule set '{newName}' already exists");
        }

        // The key changes: a new row, the versions moved to it, the old row gone — one transaction.
        var renamed = new RuleSetRecord
        {
            Name = newName, Input = record.Input, Description = record.Description, CreatedBy = record.CreatedBy,
            CreatedAt = record.CreatedAt, RetiredAt = record.RetiredAt, RenamedFrom = name,
        };
        db.RuleSets.Remove(record);
        db.RuleSets.Add(renamed);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await db.RuleSetVersions.Where(v => v.Name == name).ExecuteUpdateAsync(s => s.SetProperty(v => v.Name, newName), cancellationToken);
            await write.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            return OperationResult<RuleSetInfo>.Conflict($"rule set '{newName}' was created at the same moment by someone else");
        }

        return OperationResult<RuleSetInfo>.Ok(Info(renamed));
    }

    /// <summary>Retires a created rule set: its versions stay readable, but it evaluates nothing and takes no new version.</summary>
    public async Task<OperationResult<RuleSetInfo>> RetireAsync(string name, CancellationToken cancellationToken)
    {
        if (catalog.IsKnown(name))
        {
            return OperationResult<RuleSetInfo>.Conflict($"rule set '{name}' is built in: the marketplace's code uses it by name, so it cannot be retired");
        }

        await using var db = marketplace.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var record = await db.RuleSets.SingleOrDefaultAsync(r => r.Name == name, cancellationToken);
        if (record is null)
        {
            return OperationResult<RuleSetInfo>.NotFound($"rule set '{name}' does not exist");
        }

        record.RetiredAt ??= clock.GetUtcNow().UtcDateTime;
        await write.CommitAsync(cancellationToken);
        return OperationResult<RuleSetInfo>.Ok(Info(record));
    }

    private static OperationResult<RuleSetVersion> Invalid(string field, string message) => Invalid<RuleSetVersion>(field, message);

    private static OperationResult<T> Invalid<T>(string field, string message) =>
        OperationResult<T>.Invalid(message, new Dictionary<string, string[]> { [field] = [message] });
}
