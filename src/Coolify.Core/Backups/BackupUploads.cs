using System.IO.Compression;
using System.IO.Pipelines;
using System.Text;
using Coolify.Core.Commands;

namespace Coolify.Core.Backups;

/// <summary>
/// What a file the user uploaded for a restore is, read back from the server where it was streamed: a PostgreSQL
/// custom-format archive (pg_restore reads it), or an SQL script, plain or gzip'd, that <see cref="DumpScanner"/>
/// reads end to end first. Memory holds one buffer whatever the file's size.
/// </summary>
public static class BackupUploads
{
    /// <returns>The file's kind, or why it is refused.</returns>
    public static async Task<(UploadKind Kind, string? Refusal)> InspectAsync(IServerShell shell, string path, SqlDialect dialect, CancellationToken cancellationToken)
    {
        var head = await shell.RunAsync(ShellCommand.Of("od", "-An", "-tx1", "-N5", "--", path), cancellationToken: cancellationToken);
        var magic = head.Output.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal).Trim();
        if (!head.Succeeded || magic.Length == 0)
        {
            return (UploadKind.Sql, "The file is empty.");
        }

        if (magic == "5047444d50") // "PGDMP": pg_dump's custom format
        {
            return dialect == SqlDialect.Postgres ? (UploadKind.PostgresArchive, null) : (UploadKind.PostgresArchive, "This is a PostgreSQL archive, not a MySQL or MariaDB script.");
        }

        var kind = magic.StartsWith("1f8b", StringComparison.Ordinal) ? UploadKind.GzippedSql : UploadKind.Sql;
        return (kind, await ScanAsync(shell, path, dialect, kind == UploadKind.GzippedSql, cancellationToken));
    }

    private static async Task<string?> ScanAsync(IServerShell shell, string path, SqlDialect dialect, bool gzipped, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19));
        var download = Task.Run(async () =>
        {
            // The writer completes only here: disposing its stream would end the pipe cleanly before a failure is
            // passed on, and a download cut short would read as a whole file that passed.
            try
            {
                await shell.DownloadAsync(path, pipe.Writer.AsStream(leaveOpen: true), stop.Token);
                await pipe.Writer.CompleteAsync();
            }
            catch (Exception ex)
            {
                await pipe.Writer.CompleteAsync(ex);
            }
        }, CancellationToken.None);

        try
        {
            await using var raw = pipe.Reader.AsStream();
            await using var text = gzipped ? new GZipStream(raw, CompressionMode.Decompress) : raw;
            using var reader = new StreamReader(text, new UTF8Encoding(false, throwOnInvalidBytes: false));
            return await DumpScanner.ScanAsync(reader, dialect, stop.Token);
        }
        catch (InvalidDataException)
        {
            return "The file starts like gzip but is not a valid gzip file.";
        }
        finally
        {
            // A refusal stops reading early: the download stops with it.
            await stop.CancelAsync();
            await download;
        }
    }
}

public enum UploadKind
{
    Sql,
    GzippedSql,
    PostgresArchive,
}
