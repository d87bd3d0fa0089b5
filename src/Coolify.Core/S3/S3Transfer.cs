using System.IO.Pipelines;
using Amazon.S3;
using Amazon.S3.Model;
using Coolify.Core.Commands;

namespace Coolify.Core.S3;

/// <summary>
/// Files between a server and a bucket, streamed through the control plane in parts: memory holds one part
/// (<see cref="PartSize"/>) whatever the file's size.
/// </summary>
public static class S3Transfer
{
    public const int PartSize = 8 * 1024 * 1024;

    /// <summary>Uploads the server's file <paramref name="path"/> to <paramref name="key"/>: one request when it is small, a multipart upload otherwise.</summary>
    public static async Task UploadFromServerAsync(S3Storage storage, IServerShell shell, string path, string key, CancellationToken cancellationToken)
    {
        using var client = S3Clients.Create(storage, TimeSpan.FromMinutes(10));
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: PartSize, resumeWriterThreshold: PartSize / 2));
        var download = Task.Run(async () =>
        {
            try
            {
                // Completed only here: disposing the stream would end the pipe cleanly before a failure is passed on.
                await shell.DownloadAsync(path, pipe.Writer.AsStream(leaveOpen: true), cancellationToken);
                await pipe.Writer.CompleteAsync();
            }
            catch (Exception ex)
            {
                await pipe.Writer.CompleteAsync(ex);
                throw;
            }
        }, cancellationToken);

        await using var source = pipe.Reader.AsStream();
        var buffer = new byte[PartSize];
        var first = await FillAsync(source, buffer, cancellationToken);
        if (first < PartSize)
        {
            await client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = storage.Bucket, Key = key, InputStream = new MemoryStream(buffer, 0, first), UseChunkEncoding = false,
            }, cancellationToken);
            await download;
            return;
        }

        var upload = await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = storage.Bucket, Key = key }, cancellationToken);
        try
        {
            var parts = new List<PartETag>();
            for (var (read, number) = (first, 1); read > 0; read = await FillAsync(source, buffer, cancellationToken), number++)
            {
                var part = await client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = storage.Bucket, Key = key, UploadId = upload.UploadId, PartNumber = number,
                    InputStream = new MemoryStream(buffer, 0, read), PartSize = read, UseChunkEncoding = false,
                }, cancellationToken);
                parts.Add(new PartETag(number, part.ETag));
            }

            await download;
            await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = storage.Bucket, Key = key, UploadId = upload.UploadId, PartETags = parts,
            }, cancellationToken);
        }
        catch
        {
            await client.AbortMultipartUploadAsync(storage.Bucket, key, upload.UploadId, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Deletes objects; what the server refuses is reported back, not thrown.</summary>
    public static async Task<string?> DeleteAsync(S3Storage storage, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return null;
        }

        try
        {
            using var client = S3Clients.Create(storage);
            foreach (var key in keys)
            {
                await client.DeleteObjectAsync(storage.Bucket, key, cancellationToken);
            }

            return null;
        }
        catch (Exception ex) when (ex is AmazonS3Exception or Amazon.Runtime.AmazonServiceException or HttpRequestException)
        {
            return ex.Message;
        }
    }

    private static async Task<int> FillAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await source.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
