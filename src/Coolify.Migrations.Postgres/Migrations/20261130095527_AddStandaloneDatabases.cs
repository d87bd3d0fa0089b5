using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Coolify.Migrations.Postgres.Migrations
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    engine = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    environment_id = table.Column<int>(type: "integer", nullable: false),
                    destination_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    image = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    status = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    user = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: true),
                    password = table.Column<string>(type: "text", nullable: true),
                    root_password = table.Column<string>(type: "text", nullable: true),
                    database_name = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: true),
                    configuration = table.Column<string>(type: "text", nullable: true),
                    postgres_initdb_args = table.Column<string>(type: "text", nullable: true),
                    postgres_host_auth_method = table.Column<string>(type: "text", nullable: true),
                    init_scripts = table.Column<string>(type: "text", nullable: true),
                    is_public = table.Column<bool>(type: "boolean", nullable: false),
                    public_port = table.Column<int>(type: "integer", nullable: true),
                    public_port_timeout = table.Column<int>(type: "integer", nullable: true),
                    limits_memory = table.Column<string>(type: "text", nullable: false),
                    limits_memory_swap = table.Column<string>(type: "text", nullable: false),
                    limits_memory_swappiness = table.Column<int>(type: "integer", nullable: false),
                    limits_memory_reservation = table.Column<string>(type: "text", nullable: false),
                    limits_cpus = table.Column<string>(type: "text", nullable: false),
                    limits_cpuset = table.Column<string>(type: "text", nullable: true),
                    limits_cpu_shares = table.Column<int>(type: "integer", nullable: false),
                    health_check_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    health_check_interval = table.Column<int>(type: "integer", nullable: false),
                    health_check_timeout = table.Column<int>(type: "integer", nullable: false),
                    health_check_retries = table.Column<int>(type: "integer", nullable: false),
                    health_check_start_period = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
