using Coolify.Core.Backups;

namespace Coolify.Core.Tests.Backups;

/// <summary>
/// What an uploaded dump may contain: SQL and the data pg_dump and mysqldump write (whatever it looks like) pass;
/// client commands and COPY ... PROGRAM are refused wherever they hide outside data.
/// </summary>
public sealed class DumpScannerTests
{
    private static Task<string?> ScanAsync(string dump, SqlDialect dialect = SqlDialect.Postgres) =>
        DumpScanner.ScanAsync(new StringReader(dump), dialect, TestContext.Current.CancellationToken);

    [Fact]
    public async Task APgDumpScript_WithDataThatLooksLikeCommands_Passes()
    {
        const string dump = """
            --
            -- PostgreSQL database dump
            --
            \restrict AbCdEf123
            SET statement_timeout = 0;
            SET standard_conforming_strings = on;
            CREATE TABLE public.notes (id integer NOT NULL, body text);
            CREATE FUNCTION public.f() RETURNS text LANGUAGE sql AS $_$ SELECT 'a\! b' $_$;
            COMMENT ON TABLE public.notes IS 'a \! is not run; neither is \connect';
            COPY public.notes (id, body) FROM stdin;
            1	\\! rm -rf /
            2	COPY x TO PROGRAM 'id'
            3	\\connect other
            \.
            INSERT INTO public.notes VALUES (4, E'it\'s \\ fine; \\! no');
            SELECT pg_catalog.setval('public.notes_id_seq', 4, true); -- \! in a comment
            /* \! in a /* nested */ comment */
            \unrestrict AbCdEf123
            """;
        Assert.Null(await ScanAsync(dump));
    }

    [Theory]
    [InlineData("SELECT 1;\n\\! touch /tmp/x\n", "line 2: the psql client command \\!")]
    [InlineData("SELECT 1 \\g |id\n", "line 1: the psql client command \\g")]
    [InlineData("\\o |sh\nSELECT 'id';\n", "line 1: the psql client command \\o")]
    [InlineData("\\copy t from program 'id'\n", "line 1: the psql client command \\copy")]
    [InlineData("\\connect other\n", "line 1: the psql client command \\connect")]
    [InlineData("\\i /etc/passwd\n", "line 1: the psql client command \\i")]
    [InlineData("CREATE TABLE t (a text);\nCOPY t FROM PROGRAM 'touch /tmp/x';\n", "line 2: COPY … PROGRAM")]
    [InlineData("copy t\n  to\n  program 'id';\n", "line 3: COPY … PROGRAM")]
    [InlineData("DO $$ BEGIN EXECUTE 'COPY t FROM PROGRAM ''id'''; END $$;\n", "line 1: COPY … PROGRAM inside quoted text")]
    [InlineData("SELECT 'unterminated;\n' ; \\! id\n", "line 2: the psql client command \\!")]
    [InlineData("COPY t FROM stdin;\n1\n\\.\n\\! id\n", "line 4: the psql client command \\!")]
    public async Task PostgresCommands_OutsideData_AreRefusedWithTheirLine(string dump, string expected)
    {
        Assert.StartsWith(expected, await ScanAsync(dump));
    }

    // Ways past a naive reading, each as psql itself would split the text.
    [Theory]
    [InlineData("\\restrict k \\unrestrict k \\! id\n", "line 1: the psql client command \\restrict with more on its line")]
    [InlineData("CREATE TABLE stdin(a int);\nCOPY (SELECT a FROM stdin) TO STDOUT;\n\\! id\n", "line 3: the psql client command \\!")]
    [InlineData("SET standard_conforming_strings = 'off';\nSELECT '\\'' \\! id\n';\n", "line 1: standard_conforming_strings")]
    [InlineData("SELECT set_config('standard_conforming_strings', 'off', false);\n", "line 1: standard_conforming_strings")]
    [InlineData("SELECT 1 AS \u20ac$a$ \\! id\n$a$;\n", "line 1: the psql client command \\!")]
    [InlineData("SET client_encoding = 'SJIS';\n", "line 1: a client encoding")]
    public async Task PostgresEvasions_AreRefused(string dump, string expected)
    {
        Assert.StartsWith(expected, await ScanAsync(dump));
    }

    [Fact]
    public async Task AnOverlongCopyStatement_IsRefused_RatherThanReadInPart()
    {
        var dump = "CREATE TABLE t(a text);\nCOPY t FROM" + new string(' ', 70_000) + "PROGRAM 'id';\n";
        Assert.StartsWith("line 2: COPY … PROGRAM", await ScanAsync(dump));
    }

    [Fact]
    public async Task MysqlDelimiter_TakesItsFirstWord_AsTheClientDoes()
    {
        Assert.StartsWith("line 3: the mysql client command \"system\"", await ScanAsync("DELIMITER ; x\nSELECT 1;\nsystem id\n", SqlDialect.Mysql));
    }

    [Fact]
    public async Task AMysqldumpScript_WithItsComments_SandboxMarkerAndRoutines_Passes()
    {
        const string dump = """
            /*M!999999\- enable the sandbox mode */
            -- MariaDB dump 10.19
            /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
            DROP TABLE IF EXISTS `items`;
            CREATE TABLE `items` (`id` int NOT NULL, `name` text) ENGINE=InnoDB;
            INSERT INTO `items` VALUES (1,'it\'s \\! a \"lamp\"; system rm'),(2,'use other');
            DELIMITER ;;
            /*!50003 CREATE PROCEDURE `p`() BEGIN SELECT 'x'; END */;;
            DELIMITER ;
            # a comment with \! in it
            """;
        Assert.Null(await ScanAsync(dump, SqlDialect.Mysql));
    }

    [Theory]
    [InlineData("SELECT 1;\n\\! touch /tmp/x\n", "line 2: the mysql client command \\!")]
    [InlineData("system touch /tmp/x\n", "line 1: the mysql client command \"system\"")]
    [InlineData("  SOURCE /etc/passwd\n", "line 1: the mysql client command \"source\"")]
    [InlineData("USE other;\n", "line 1: the mysql client command \"use\"")]
    [InlineData("SELECT 1; \\. /tmp/x.sql\n", "line 1: the mysql client command \\.")]
    public async Task MysqlCommands_OutsideData_AreRefusedWithTheirLine(string dump, string expected)
    {
        Assert.StartsWith(expected, await ScanAsync(dump, SqlDialect.Mysql));
    }
}
