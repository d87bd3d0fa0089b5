using Coolify.Core.Databases;

namespace Coolify.Web.Components.Pages.Databases;

/// <summary>How the dashboard names engines and their fields.</summary>
public static class DatabaseText
{
    public static string Title(DatabaseEngine engine) => engine.Name switch
    {
        "postgresql" => "PostgreSQL",
        "mysql" => "MySQL",
        "mariadb" => "MariaDB",
        "mongodb" => "MongoDB",
        "redis" => "Redis",
        "keydb" => "KeyDB",
        "dragonfly" => "Dragonfly",
        _ => "ClickHouse",
    };

    /// <summary>The label of a credential field for this engine, or null when the engine has no such field.</summary>
    public static string? Label(DatabaseEngine engine, DatabaseField field) => engine.Fields.Values.Contains(field)
        ? field switch
        {
            DatabaseField.User => "User",
            DatabaseField.Password => "Password",
            DatabaseField.RootPassword => "Root password",
            DatabaseField.DatabaseName => "Initial database",
            DatabaseField.Configuration => "Custom configuration",
            DatabaseField.PostgresInitdbArgs => "initdb arguments",
            _ => "Host auth method",
        }
        : null;

    /// <summary>The API's name of a field for this engine (where the dashboard shows its errors).</summary>
    public static string ApiName(DatabaseEngine engine, DatabaseField field) => engine.Fields.First(f => f.Value == field).Key;
}
