using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coolify.Migrations.Sqlite.Migrations
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
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    database_id = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    frequency = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    save_s3 = table.Column<bool>(type: "INTEGER", nullable: false),
                    s3_storage_id = table.Column<int>(type: "INTEGER", nullable: true),
                    databases_to_backup = table.Column<string>(type: "TEXT", nullable: true),
                    dump_all = table.Column<bool>(type: "INTEGER", nullable: false),
                    timeout = table.Column<int>(type: "INTEGER", nullable: false),
                    disable_local_backup = table.Column<bool>(type: "INTEGER", nullable: false),
                    database_backup_retention_amount_locally = table.Column<int>(type: "INTEGER", nullable: false),
                    database_backup_retention_days_locally = table.Column<int>(type: "INTEGER", nullable: false),
                    database_backup_retention_max_storage_locally = table.Column<decimal>(type: "TEXT", precision: 17, scale: 7, nullable: false),
                    database_backup_retention_amount_s3 = table.Column<int>(type: "INTEGER", nullable: false),
                    database_backup_retention_days_s3 = table.Column<int>(type: "INTEGER", nullable: false),
                    database_backup_retention_max_storage_s3 = table.Column<decimal>(type: "TEXT", precision: 17, scale: 7, nullable: false),
                    last_scheduled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    uuid = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    scheduled_database_backup_id = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    message = table.Column<string>(type: "TEXT", nullable: true),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    filename = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    database_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    local_storage_deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    s3_storage_deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    s3_uploaded = table.Column<bool>(type: "INTEGER", nullable: true),
                    uuid = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduled_database_backup_executions", x => x.id);
                    table.ForeignKey(
                        name: "FK_scheduled_database_backup_executions_scheduled_database_backups_scheduled_database_backup_id",
                        column: x => x.scheduled_database_backup_id,
                        principalTable: "scheduled_database_backups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_database_backup_executions_scheduled_database_backup_id",
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
