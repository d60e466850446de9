using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace Sleek.Workflows.Engine.Persistence.Postgres;

/// <summary>
/// One table of the engine as the EF model describes it — its name, its columns in model order, their value
/// converters — for the hand-written batches of <see cref="PostgresBurstStore"/>: select lists, an insert of many rows
/// through <c>unnest</c> of one array per column, an update of a row by its key, and reading a row back. Since every
/// column comes from the model, a column added by a migration is written and read without touching the batches.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class PostgresTable<T>
    where T : class, new()
{
    private readonly Column[] _columns;
    private readonly Column _key;

    public PostgresTable(IModel model)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the engine's model");
        Name = entity.GetTableName()!;
        _columns = [.. entity.GetProperties().Select(p => new Column(p))];
        _key = _columns.Single(c => c.Property.IsPrimaryKey());
        var written = _columns.Where(c => !c.StoreGenerated).ToArray();
        InsertSql = $"INSERT INTO {Name} ({string.Join(", ", written.Select(c => c.Name))}) SELECT * FROM unnest({string.Join(", ", written.Select((_, i) => $"${i + 1}"))})";
        var set = _columns.Where(c => c != _key).ToArray();
        UpdateSql = $"UPDATE {Name} SET ({string.Join(", ", set.Select(c => c.Name))}) = ROW({string.Join(", ", set.Select((_, i) => $"${i + 2}"))}) WHERE {_key.Name} = $1";
    }

    /// <summary>The table's name.</summary>
    public string Name { get; }

    /// <summary>How many columns <see cref="Columns"/> lists (and <see cref="Read"/> reads).</summary>
    public int Count => _columns.Length;

    /// <summary>Inserts rows: every column but store-generated keys, one array parameter each.</summary>
    public string InsertSql { get; }

    /// <summary>Updates a row by its key: every other column.</summary>
    public string UpdateSql { get; }

    /// <summary>All columns, for a select list: <c>b.id, b.instance_id, …</c> (without <paramref name="alias"/>: bare names).</summary>
    public string Columns(string? alias = null) =>
        string.Join(", ", _columns.Select(c => alias is null ? c.Name : $"{alias}.{c.Name}"));

    /// <summary>The insert of <paramref name="rows"/> (statement text independent of their count, so it is prepared once).</summary>
    public NpgsqlBatchCommand Insert(IReadOnlyList<T> rows)
    {
        var command = new NpgsqlBatchCommand(InsertSql);
        foreach (var column in _columns.Where(c => !c.StoreGenerated))
        {
            command.Parameters.Add(column.Array(rows));
        }

        return command;
    }

    /// <summary>The update of <paramref name="row"/>'s every column by its key.</summary>
    public NpgsqlBatchCommand Update(T row)
    {
        var command = new NpgsqlBatchCommand(UpdateSql);
        command.Parameters.Add(_key.Value(row));
        foreach (var column in _columns.Where(c => c != _key))
        {
            command.Parameters.Add(column.Value(row));
        }

        return command;
    }

    /// <summary>A row from the reader's current record, whose first <see cref="Count"/> fields are <see cref="Columns"/>.</summary>
    public T Read(NpgsqlDataReader reader)
    {
        var row = new T();
        for (var i = 0; i < _columns.Length; i++)
        {
            _columns[i].Read(reader, i, row);
        }

        return row;
    }

    /// <summary>The snake_case column of a property (for the conditions of hand-written statements).</summary>
    public string this[string propertyName] => _columns.Single(c => c.Property.Name == propertyName).Name;

    private sealed class Column
    {
        private readonly Func<T, object?> _get;
        private readonly Action<T, object?> _set;
        private readonly ValueConverter? _converter;
        private readonly Type _elementType;
        private readonly NpgsqlDbType _type;

        public Column(IProperty property)
        {
            Property = property;
            Name = property.GetColumnName();
            _converter = property.GetValueConverter() ?? property.GetTypeMapping().Converter;
            var provider = _converter?.ProviderClrType ?? property.ClrType;
            var underlying = Nullable.GetUnderlyingType(provider) ?? provider;
            _type = underlying switch
            {
                _ when underlying == typeof(Guid) => NpgsqlDbType.Uuid,
                _ when underlying == typeof(string) => NpgsqlDbType.Text,
                _ when underlying == typeof(int) => NpgsqlDbType.Integer,
                _ when underlying == typeof(long) => NpgsqlDbType.Bigint,
                _ when underlying == typeof(bool) => NpgsqlDbType.Boolean,
                _ when underlying == typeof(DateTime) => NpgsqlDbType.TimestampTz,
                _ => throw new NotSupportedException($"column {Name} ({underlying.Name}) has no mapping in {nameof(PostgresTable<T>)}; add one"),
            };
            // Value types that may be null need a Nullable<> element ({…, null}); reference types hold null anyway.
            _elementType = underlying.IsValueType && property.IsNullable ? typeof(Nullable<>).MakeGenericType(underlying) : underlying;
            // Keys the database numbers (identity) are not written.
            StoreGenerated = property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never && (underlying == typeof(long) || underlying == typeof(int));

            var entity = Expression.Parameter(typeof(T));
            var value = Expression.Parameter(typeof(object));
            var member = Expression.Property(entity, property.PropertyInfo!);
            _get = Expression.Lambda<Func<T, object?>>(Expression.Convert(member, typeof(object)), entity).Compile();
            _set = Expression.Lambda<Action<T, object?>>(Expression.Assign(member, Expression.Convert(value, property.ClrType)), entity, value).Compile();
        }

        public IProperty Property { get; }

        public string Name { get; }

        public bool StoreGenerated { get; }

        public NpgsqlParameter Value(T row) =>
            new() { Value = ToProvider(_get(row)) ?? DBNull.Value, NpgsqlDbType = _type };

        public NpgsqlParameter Array(IReadOnlyList<T> rows)
        {
            var values = System.Array.CreateInstance(_elementType, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                values.SetValue(ToProvider(_get(rows[i])), i);
            }

            return new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlDbType.Array | _type };
        }

        public void Read(NpgsqlDataReader reader, int ordinal, T row)
        {
            var value = reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal);
            _set(row, value is null || _converter is null ? value : _converter.ConvertFromProvider(value));
        }

        private object? ToProvider(object? value) => value is null || _converter is null ? value : _converter.ConvertToProvider(value);
    }
}
