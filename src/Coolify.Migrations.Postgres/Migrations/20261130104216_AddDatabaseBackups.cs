using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Coolify.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddDatabaseBackups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scheduled_database_backups",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    database_id = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    frequency = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    save_s3 = table.Column<bool>(type: "boolean", nullable: false),
                    s3_storage_id = table.Column<int>(type: "integer", nullable: true),
                    databases_to_backup = table.Column<string>(type: "text", nullable: true),
                    dump_all = table.Column<bool>(type: "boolean", nullable: false),
                    timeout = table.Column<int>(type: "integer", nullable: false),
                    disable_local_backup = table.Column<bool>(type: "boolean", nullable: false),
                    database_backup_retention_amount_locally = table.Column<int>(type: "integer", nullable: false),
                    database_backup_retention_days_locally = table.Column<int>(type: "integer", nullable: false),
                    database_backup_retention_max_storage_locally = table.Column<decimal>(type: "numeric(17,7)", precision: 17, scale: 7, nullable: false),
                    database_backup_retention_amount_s3 = table.Column<int>(type: "integer", nullable: false),
                    database_backup_retention_days_s3 = table.Column<int>(type: "integer", nullable: false),
                    database_backup_retention_max_storage_s3 = table.Column<decimal>(type: "numeric(17,7)", precision: 17, scale: 7, nullable: false),
                    last_scheduled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduled_database_backups", x => x.id);
                    table.ForeignKey(
                        name: "FK_scheduled_database_backups_s3_storages_s3_storage_id",
                        column: x => x.s3_storage_id,
                        principalTable: "s3_storages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_scheduled_database_backups_standalone_databases_database_id",
                        column: x => x.database_id,
                        principalTable: "standalone_databases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scheduled_database_backup_executions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    scheduled_database_backup_id = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    message = table.Column<string>(type: "text", nullable: true),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    filename = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    database_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    local_storage_deleted = table.Column<bool>(type: "boolean", nullable: false),
                    s3_storage_deleted = table.Column<bool>(type: "boolean", nullable: false),
                    s3_uploaded = table.Column<bool>(type: "boolean", nullable: true),
                    uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduled_database_backup_executions", x => x.id);
                    table.ForeignKey(
                        name: "FK_scheduled_database_backup_executions_scheduled_database_bac~",
                        column: x => x.scheduled_database_backup_id,
                        principalTable: "scheduled_database_backups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_database_backup_executions_scheduled_database_bac~",
                table: "scheduled_database_backup_executions",
                column: "scheduled_database_backup_id");

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_database_backup_executions_uuid",
                table: "scheduled_database_backup_executions",
                column: "uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_database_backups_database_id",
                table: "scheduled_database_backups",
                column: "database_id");

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_database_backups_s3_storage_id",
                table: "scheduled_database_backups",
                column: "s3_storage_id");

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_database_backups_uuid",
                table: "scheduled_database_backups",
                column: "uuid",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scheduled_database_backup_executions");

            migrationBuilder.DropTable(
                name: "scheduled_database_backups");
        }
    }
}
