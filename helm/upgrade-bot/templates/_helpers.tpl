{{/* Chart name, truncated to the 63 characters Kubernetes allows in a label. */}}
{{- define "upgrade-bot.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-scoped name for every object. */}}
{{- define "upgrade-bot.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "upgrade-bot.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "upgrade-bot.selectorLabels" -}}
app.kubernetes.io/name: {{ include "upgrade-bot.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "upgrade-bot.labels" -}}
helm.sh/chart: {{ include "upgrade-bot.chart" . }}
{{ include "upgrade-bot.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* The Secret the pod reads: the operator's own, or the one this chart renders. */}}
{{- define "upgrade-bot.secretName" -}}
{{- if .Values.existingSecret }}
{{- .Values.existingSecret }}
{{- else }}
{{- include "upgrade-bot.fullname" . }}
{{- end }}
{{- end }}

{{/* Embedded H2 for the h2 build of the image; the postgres build needs a JDBC URL. */}}
{{- define "upgrade-bot.embeddedDb" -}}
{{- if eq .Values.image.flavour "h2" }}true{{- else }}false{{- end }}
{{- end }}

{{/* The image: the tag defaults to "<appVersion>-<flavour>". */}}
{{- define "upgrade-bot.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default (printf "%s-%s" .Chart.AppVersion .Values.image.flavour)) }}
{{- end }}

{{/*
Secret env vars and the values keys that fill them. Keys of the Secret are the env var names, so an
existingSecret is written exactly as the README's configuration table names the settings.
*/}}
{{- define "upgrade-bot.secretKeys" -}}
SLACK_SIGNING_SECRET: slackSigningSecret
SLACK_BOT_TOKEN: slackBotToken
SLACK_APP_TOKEN: slackAppToken
GITHUB_TOKEN: githubToken
GITHUB_APP_PRIVATE_KEY: githubAppPrivateKey
GITHUB_WEBHOOK_SECRET: githubWebhookSecret
UPGRADE_BOT_STATUS_PAGE_SECRET: statusPageSecret
QUARKUS_DATASOURCE_PASSWORD: datasourcePassword
{{- end }}
