"""Español: the Discord replies beyond the quiz flow (errors, /ask and /explain, /stats,
/leaderboard, /pack, /config, /scores, /admin), by the keys of bot/i18n/en_staff.py."""

STAFF: dict[str, str] = {
    # refusals and failures
    "error.apology": ("Lo siento, algo ha fallado por mi parte. Queda registrado; vuelve a "
                      "intentarlo."),
    "error.store_unavailable": ("Ahora mismo no puedo usar mi base de datos (los detalles "
                                "están en el registro del bot). Vuelve a intentarlo más tarde."),
    "error.guild_only": "Este comando solo funciona en un servidor, no en mensajes directos.",
    "error.cooldown": "Más despacio: vuelve a intentarlo dentro de {seconds} s.",
    "error.no_permission": "No tienes permiso para usar este comando.",
    "error.bot_permissions": "Me faltan permisos aquí: {missing}",
    "error.not_understood": "No he entendido {value}.",
    "error.not_here": "No puedes usar este comando aquí.",
    "view.not_yours": ("Estos botones son de quien ejecutó el comando: ejecútalo tú para tener "
                       "los tuyos."),
    "view.cancel": "Cancelar",
    "expired.leaderboard": "Estos botones han caducado: vuelve a ejecutar /leaderboard.",
    "expired.reset": ("Esta confirmación ha caducado y no se ha reiniciado nada: vuelve a "
                      "ejecutar /scores reset."),
    "expired.packremove": ("Esta confirmación ha caducado y no se ha quitado nada: vuelve a "
                           "ejecutar /pack remove."),
    "expired.packupload": ("Esta vista previa ha caducado y no se ha instalado nada: vuelve a "
                           "ejecutar /pack upload."),
    "expired.packaccept": ("Este informe ha caducado y no se ha aceptado nada: vuelve a ejecutar "
                           "/pack report."),
    "expired.packrestore": ("Esta vista previa ha caducado y no se ha restaurado nada: vuelve a "
                            "ejecutar /pack restore."),
    "expired.privacy": ("Esta confirmación ha caducado y no se ha borrado nada: vuelve a "
                        "ejecutar /privacy delete."),
    # quiz commands
    "quiz.nothing_to_stop": "Aquí no hay ningún cuestionario en marcha que detener.",
    "quiz.due_now": "Para repasar ahora: {packs}",
    # counts
    "count.question": "{count} pregunta",
    "count.questions": "{count} preguntas",
    "count.explainer": "{count} explicación",
    "count.explainers": "{count} explicaciones",
    "count.player": "{count} jugador",
    "count.players": "{count} jugadores",
    "count.problem": "{count} problema",
    "count.problems": "{count} problemas",
    # /ask, /explain
    "ask.answer": "Respuesta",
    "ask.asked": "P: {question}",
    "ask.unknown": "Eso todavía no lo sé",
    "ask.try": "Prueba a preguntar sobre",
    "ask.source": "Fuente: {source}",
    "explain.examples": "Ejemplos",
    "explain.related": "Relacionado",
    # /stats
    "stats.title": "Estadísticas de {name}",
    "stats.points": "Puntos",
    "stats.ranked": " ({points} cuentan en la clasificación)",
    "stats.accuracy": "Aciertos",
    "stats.streak": "Racha",
    "stats.streak_value": "{current} (mejor: {best})",
    "stats.review": "Repaso (/quiz review)",
    "stats.review_line": "{pack}: {due} para repasar de {cards}, recuerdo ~{recall}",
    "stats.next_due": "Próximo repaso {wait}.",
    "stats.none": "Aún no hay respuestas: empieza con `/quiz start`.",
    "stats.alt": "Gráfico de barras de los aciertos de {name} por tema: {bars}",
    "stats.no_topics": "Sin gráfico: {name} aún no tiene respuestas en ningún tema.",
    "stats.no_matplotlib": ("Sin gráfico: quien aloja el bot no ha instalado el extra de "
                            "gráficos (matplotlib)."),
    # /leaderboard
    "board.title": "Clasificación — {scope}, {when}",
    "board.all_packs": "todos los paquetes",
    "board.period.all": "desde siempre",
    "board.period.month": "este mes",
    "board.period.week": "esta semana",
    "board.when": "{period}, temporada {season}",
    "board.archived": "temporada {season} (archivada)",
    "board.row": "{rank} **{name}** — {points} pts ({correct}/{answered} correctas)",
    "board.empty": "Aquí todavía no ha puntuado nadie.",
    "board.footer": "Página {page}/{pages} · {players}",
    "board.prev": "Anterior",
    "board.next": "Siguiente",
    # /pack list, info, upload, export, remove
    "packlist.title": "Paquetes de preguntas",
    "packlist.none": "No hay paquetes instalados.",
    "packlist.more": "y {count} más",
    "packlist.id": "Id",
    "packlist.questions": "Preguntas",
    "packlist.explainers": "Explicaciones",
    "packlist.language": "Idioma",
    "packlist.types": "Tipos de pregunta",
    "packlist.topics": "Temas",
    "packlist.source": "Fuente",
    "packcmd.instructors_upload": ("Solo los docentes pueden subir paquetes. Quien gestiona el "
                                   "servidor puede elegir el rol de docente con /config roles."),
    "packcmd.instructors_export": ("Solo los docentes pueden exportar paquetes. Quien gestiona el "
                                   "servidor puede elegir el rol de docente con /config roles."),
    "packcmd.instructors_remove": ("Solo los docentes pueden quitar paquetes. Quien gestiona el "
                                   "servidor puede elegir el rol de docente con /config roles."),
    "packcmd.too_big": ("{file} ocupa {size:,} bytes; un archivo de paquete puede ocupar "
                        "{limit:,} bytes como máximo."),
    "packcmd.download_failed": ("No he podido descargar ese archivo de Discord; vuelve a "
                                "intentarlo."),
    "packcmd.exported": ("La versión actual de `{file}`: edítala y vuelve a subirla con "
                         "/pack upload."),
    "preview.title": "¿Instalar {title}?",
    "preview.new": "un paquete nuevo",
    "preview.version": "versión {version}, que sustituye a la versión {old}",
    "preview.what": "`{pack}`: {head}, leído como {format}.",
    "preview.samples": "Ejemplos",
    "preview.notes": "No se conserva tal cual ({count})",
    "preview.footer": "No se guarda nada hasta que pulses Instalar.",
    "preview.button": "Instalar",
    "preview.nothing": "No se ha instalado nada de {file}.",
    "uploaded.refused_title": "Paquete no instalado",
    "uploaded.refused": ("**{file}** no se ha instalado: {problems}. No ha cambiado nada; si ya "
                         "había un paquete instalado con este id, sigue igual."),
    "uploaded.more": "…y {count} más.",
    "uploaded.validate_tip": "Revisa el archivo entero con `quizbot pack validate FILE`.",
    "uploaded.installed": "Instalado: {title}",
    "uploaded.installed_footer": ("Solo lo ve este servidor. Juégalo con /quiz start "
                                  "pack:{pack}"),
    "remove.ask": ("¿Quitar {title} (`{pack}`, {count} preguntas) de este servidor? Los puntos "
                   "ya ganados se conservan."),
    "remove.button": "Quitar",
    "remove.done": "Se ha quitado {title} (`{pack}`). Los puntos ganados con él se conservan.",
    "remove.nothing": "No se ha quitado nada: `{pack}` se queda.",
    # /pack report and accepting an answer
    "qreport.title_for": "Informe de preguntas — {pack}",
    "qreport.intro": ("{played} de {total} preguntas respondidas hasta ahora: primero las "
                      "informadas, luego las más falladas. Una nota baja con una misma respuesta "
                      "errónea repetida suele indicar que falta una respuesta aceptada."),
    "qreport.nobody": "Aquí nadie ha respondido todavía a las preguntas de este paquete.",
    "qreport.counts": ("`{question}` · {correct}/{attempts} correctas · {skipped} saltadas · "
                       "{players}"),
    "qreport.discrimination": "Discriminación {value}",
    "qreport.median": "mediana {seconds} s",
    "qreport.wrong": "Erróneas: {answers}",
    "qreport.no_wrong": "Nadie ha escrito respuestas erróneas.",
    "qreport.reported": "⚑ Informada ×{count}: {reasons}",
    "qreport.more": " y {count} más",
    "qreport.not_shown": "{count} preguntas respondidas más que no se muestran.",
    "qreport.unplayed": "{questions} sin jugar todavía.",
    "accept.pick": "Aceptar una respuesta errónea como correcta…",
    "accept.button": "Aceptar",
    "accept.rescore_button": "Aceptar y recalcular",
    "accept.ask": ("¿Aceptar «{answer}» en `{question}`? Se guarda una nueva versión de "
                   "`{pack}`; al recalcular, también se dan por buenos los intentos anteriores."),
    "accept.first": "Elige antes una respuesta.",
    "accept.done": "`{question}` ahora acepta «{answer}» (versión {version}).",
    "accept.rescored": "{count} intentos anteriores recalculados.",
    # /config, /scores, /admin
    "staff.role_unset": "sin definir (solo Gestionar servidor)",
    "staff.roles": ("Rol de docente: {instructor}\nRol de moderador: {moderator}\nLos miembros "
                    "con Gestionar servidor cuentan como ambos."),
    "staff.saved": "Guardado.",
    "staff.retention": ("El repaso busca un {percent} de recuerdo: una tarjeta toca cuando su "
                        "recuerdo estimado baja al {percent}."),
    "staff.moderators_only": ("Solo los moderadores pueden reiniciar las puntuaciones. Quien "
                              "gestiona el servidor puede elegir el rol de moderador con "
                              "/config roles."),
    "reset.whose": "las puntuaciones de {name}",
    "reset.everyone": "las puntuaciones de todos",
    "reset.in_pack": " en `{pack}`",
    "reset.ask": ("¿Reiniciar {what}? Los puntos vuelven a cero; el historial de respuestas se "
                  "conserva."),
    "reset.button": "Reiniciar",
    "reset.done": ("Reiniciadas {what}: {players} a cero. El historial de respuestas se "
                   "conserva."),
    "reset.nothing": "No se ha reiniciado nada.",
    "season.begun": ("Ha empezado la temporada {number}{label}: todas las preguntas vuelven a "
                     "contar. La clasificación de la temporada {previous} queda archivada: "
                     "`/leaderboard season:{previous}`."),
    "season.line": "Temporada {number}{name}: {began}, {players}",
    "season.current_line": "Temporada {number}{name} (actual): {began}, {players}",
    "season.since": "desde {date}",
    "season.from_start": "desde el principio",
    "export.too_big": ("La exportación ocupa {size} MB, más que el límite de subida de Discord "
                       "({limit} MB), así que no se puede adjuntar aquí. Pide a quien aloja el "
                       "bot que la exporte desde la base de datos."),
    "export.file": ("Todas las respuestas dadas en este servidor, una fila cada una (CSV UTF-8 "
                    "con cabecera)."),
    "sync.owner_only": "Solo el propietario del bot puede sincronizar los comandos.",
    "sync.global": ("Sincronizados {count} comandos en todas partes; Discord puede tardar hasta "
                    "una hora en mostrarlos."),
    "sync.guild": "Sincronizados {count} comandos en este servidor.",
    "sync.cleared": "Se ha quitado la copia de los comandos de este servidor; los globales siguen.",
}
