using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coolify.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddStandaloneDatabases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "standalone_databases",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    engine = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    environment_id = table.Column<int>(type: "INTEGER", nullable: false),
                    destination_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    image = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    user = table.Column<string>(type: "TEXT", maxLength: 63, nullable: true),
                    password = table.Column<string>(type: "TEXT", nullable: true),
                    root_password = table.Column<string>(type: "TEXT", nullable: true),
                    database_name = table.Column<string>(type: "TEXT", maxLength: 63, nullable: true),
                    configuration = table.Column<string>(type: "TEXT", nullable: true),
                    postgres_initdb_args = table.Column<string>(type: "TEXT", nullable: true),
                    postgres_host_auth_method = table.Column<string>(type: "TEXT", nullable: true),
                    init_scripts = table.Column<string>(type: "TEXT", nullable: true),
                    is_public = table.Column<bool>(type: "INTEGER", nullable: false),
                    public_port = table.Column<int>(type: "INTEGER", nullable: true),
                    public_port_timeout = table.Column<int>(type: "INTEGER", nullable: true),
                    limits_memory = table.Column<string>(type: "TEXT", nullable: false),
                    limits_memory_swap = table.Column<string>(type: "TEXT", nullable: false),
                    limits_memory_swappiness = table.Column<int>(type: "INTEGER", nullable: false),
                    limits_memory_reservation = table.Column<string>(type: "TEXT", nullable: false),
                    limits_cpus = table.Column<string>(type: "TEXT", nullable: false),
                    limits_cpuset = table.Column<string>(type: "TEXT", nullable: true),
                    limits_cpu_shares = table.Column<int>(type: "INTEGER", nullable: false),
                    health_check_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    health_check_interval = table.Column<int>(type: "INTEGER", nullable: false),
                    health_check_timeout = table.Column<int>(type: "INTEGER", nullable: false),
                    health_check_retries = table.Column<int>(type: "INTEGER", nullable: false),
                    health_check_start_period = table.Column<int>(type: "INTEGER", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    uuid = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_standalone_databases", x => x.id);
                    table.ForeignKey(
                        name: "FK_standalone_databases_destinations_destination_id",
                        column: x => x.destination_id,
                        principalTable: "destinations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_standalone_databases_environments_environment_id",
                        column: x => x.environment_id,
                        principalTable: "environments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_standalone_databases_destination_id_public_port",
                table: "standalone_databases",
                columns: new[] { "destination_id", "public_port" });

            migrationBuilder.CreateIndex(
                name: "IX_standalone_databases_environment_id",
                table: "standalone_databases",
                column: "environment_id");

            migrationBuilder.CreateIndex(
                name: "IX_standalone_databases_uuid",
                table: "standalone_databases",
                column: "uuid",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "standalone_databases");
        }
    }
}
