using Coolify.Core.Common;
using Coolify.Core.Databases;

namespace Coolify.Core.Tests.Databases;

/// <summary>The rules a database's fields must pass before anything is stored.</summary>
public sealed class DatabaseFieldsTests
{
    private static (StandaloneDatabase Database, InputRules Rules) Apply(string engine, DatabaseChange change)
    {
        var database = new StandaloneDatabase { Engine = engine, Name = "db", Image = "x:1" };
        var rules = new InputRules();
        DatabaseFields.Apply(database, DatabaseEngine.Find(engine)!, change, rules);
        return (database, rules);
    }

    private static IReadOnlyDictionary<string, string[]> Errors(InputRules rules) =>
        Assert.Throws<ValidationException>(rules.ThrowIfInvalid).Errors;

    [Theory]
    [InlineData("bad;user")]
    [InlineData("with space")]
    [InlineData("1starts_with_digit")]
    [InlineData("quote'd")]
    [InlineData("$HOME")]
    [InlineData("shop\n")] // .NET's $ matches before a final line break; the rule must not
    [InlineData("")]
    public void UserAndDatabaseNames_FollowTheIdentifierRule(string name)
    {
        var (_, rules) = Apply("postgresql", new DatabaseChange { EngineFields = new Dictionary<DatabaseField, string?> { [DatabaseField.User] = name, [DatabaseField.DatabaseName] = name } });
        var errors = Errors(rules);
        Assert.Contains("postgres_user", errors.Keys);
        Assert.Contains("postgres_db", errors.Keys);
    }

    [Fact]
    public void Passwords_TakeAnyPrintableCharacter_ButNoLineBreaksOrControls()
    {
        var (database, rules) = Apply("mysql", new DatabaseChange
        {
            EngineFields = new Dictionary<DatabaseField, string?> { [DatabaseField.Password] = "a'b\"c$d;e`f` g\\h", [DatabaseField.RootPassword] = "x" },
        });
        rules.ThrowIfInvalid();
        Assert.Equal("a'b\"c$d;e`f` g\\h", database.Password);

        foreach (var bad in new[] { "line\nbreak", "tab\there", new string('x', 129), string.Empty, "é" })
        {
            var (_, refused) = Apply("mysql", new DatabaseChange { EngineFields = new Dictionary<DatabaseField, string?> { [DatabaseField.Password] = bad } });
            Assert.Contains("mysql_password", Errors(refused).Keys);
        }
    }

    [Fact]
    public void PublicPort_IsAboveTheSystemRange_AndPublicNeedsOne()
    {
        Assert.Contains("public_port", Errors(Apply("redis", new DatabaseChange { IsPublic = true, PublicPort = 80 }).Rules).Keys);
        Assert.Contains("public_port", Errors(Apply("redis", new DatabaseChange { IsPublic = true }).Rules).Keys);
    }

    [Theory]
    [InlineData("limits_memory", "512mb; rm")]
    [InlineData("limits_cpus", "two")]
    [InlineData("limits_cpuset", "0-3;x")]
    public void Limits_AreNumbersOrSizes(string field, string value)
    {
        var change = field switch
        {
            "limits_memory" => new DatabaseChange { LimitsMemory = value },
            "limits_cpus" => new DatabaseChange { LimitsCpus = value },
            _ => new DatabaseChange { LimitsCpuset = value },
        };
        Assert.Contains(field, Errors(Apply("postgresql", change).Rules).Keys);
    }

    [Fact]
    public void InitScripts_ArePostgresOnly_AndPlainNames()
    {
        Assert.Contains("init_scripts", Errors(Apply("mysql", new DatabaseChange { InitScripts = [new("a.sql", "x")] }).Rules).Keys);
        Assert.Contains("init_scripts", Errors(Apply("postgresql", new DatabaseChange { InitScripts = [new("../x.sql", "x")] }).Rules).Keys);
        Assert.Contains("init_scripts", Errors(Apply("postgresql", new DatabaseChange { InitScripts = [new("a.sql", "x"), new("a.sql", "y")] }).Rules).Keys);
    }
}
