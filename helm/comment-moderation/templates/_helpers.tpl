{{/* Chart name, truncated to the 63 characters a label value allows. */}}
{{- define "comment-moderation.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name. */}}
{{- define "comment-moderation.fullname" -}}
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

{{- define "comment-moderation.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "comment-moderation.selectorLabels" -}}
app.kubernetes.io/name: {{ include "comment-moderation.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "comment-moderation.labels" -}}
helm.sh/chart: {{ include "comment-moderation.chart" . }}
{{ include "comment-moderation.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | trunc 63 | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: comment-moderation
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "comment-moderation.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "comment-moderation.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "comment-moderation.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/* Name of the KafkaUser, which is also the name of the Secret Strimzi creates for it. */}}
{{- define "comment-moderation.kafkaUserName" -}}
{{- include "comment-moderation.fullname" . }}
{{- end }}

{{/* Secret holding the SASL JAAS config line, or "". */}}
{{- define "comment-moderation.saslSecret" -}}
{{- if .Values.kafka.sasl.existingSecret }}
{{- .Values.kafka.sasl.existingSecret }}
{{- else if and .Values.strimzi.user.enabled (eq .Values.strimzi.user.authentication "scram-sha-512") }}
{{- include "comment-moderation.kafkaUserName" . }}
{{- else }}
{{- .Values.kafka.existingSecret.name }}
{{- end }}
{{- end }}

{{/* ConfigMap holding the blocked terms file, or "". */}}
{{- define "comment-moderation.blockedTermsConfigMap" -}}
{{- if .Values.rules.blockedTermsConfigMap }}
{{- .Values.rules.blockedTermsConfigMap }}
{{- else if .Values.rules.blockedTerms }}
{{- printf "%s-blocked-terms" (include "comment-moderation.fullname" .) }}
{{- end }}
{{- end }}

{{/* ConfigMap holding the held terms file, or "". */}}
{{- define "comment-moderation.heldTermsConfigMap" -}}
{{- if .Values.rules.heldTermsConfigMap }}
{{- .Values.rules.heldTermsConfigMap }}
{{- else if .Values.rules.heldTerms }}
{{- printf "%s-held-terms" (include "comment-moderation.fullname" .) }}
{{- end }}
{{- end }}

{{/* ConfigMap holding the moderation policy file, or "". */}}
{{- define "comment-moderation.policyConfigMap" -}}
{{- if .Values.policy.enabled }}
{{- default (printf "%s-policy" (include "comment-moderation.fullname" .)) .Values.policy.existingConfigMap }}
{{- end }}
{{- end }}

{{/* The data of the chart's policy ConfigMap: the policy under policy.key, and policy.files next to it. */}}
{{- define "comment-moderation.policyData" -}}
{{ .Values.policy.key }}: |
  {{- if kindIs "string" .Values.policy.content }}
  {{- .Values.policy.content | nindent 2 }}
  {{- else }}
  {{- toYaml .Values.policy.content | nindent 2 }}
  {{- end }}
{{- range $name, $content := .Values.policy.files }}
{{ $name }}: |
  {{- $content | nindent 2 }}
{{- end }}
{{- end }}

{{/* The workload kind: a StatefulSet when the state volume outlives the pods, else a Deployment. */}}
{{- define "comment-moderation.workloadKind" -}}
{{- if eq .Values.stateVolume.persistence "statefulSet" }}StatefulSet{{ else }}Deployment{{ end }}
{{- end }}

{{/* The spec of the state volume's claim (ephemeralVolume, statefulSet). */}}
{{- define "comment-moderation.stateClaimSpec" -}}
accessModes:
  - ReadWriteOnce
{{- with .Values.stateVolume.storageClassName }}
storageClassName: {{ . | quote }}
{{- end }}
resources:
  requests:
    storage: {{ .Values.stateVolume.size }}
{{- end }}

{{/* Repartition topics of the topology (dev.commentmoderation.stream.ModerationTopology): <application.id>-<name>-repartition. */}}
{{- define "comment-moderation.repartitionTopics" -}}
{{- range list "comments-by-ip" "comments-by-author" "reviews-by-author" "decisions-by-comment" "reviews-by-comment" "labels-by-model" }}
- {{ printf "%s-%s-repartition" $.Values.kafka.applicationId . }}
{{- end }}
{{- end }}

{{/* A Kubernetes resource name for a Kafka topic name (lower case, '_' to '-'). */}}
{{- define "comment-moderation.topicResourceName" -}}
{{- printf "%s-%s" (include "comment-moderation.fullname" .root) (.topic | lower | replace "_" "-") | trunc 253 | trimSuffix "-" | trimSuffix "." }}
{{- end }}

{{/* Fails the render on combinations that cannot work. */}}
{{- define "comment-moderation.validate" -}}
{{- if and .Values.autoscaling.enabled .Values.keda.enabled }}
{{- fail "autoscaling.enabled and keda.enabled both create a HorizontalPodAutoscaler for the Deployment: enable one of them" }}
{{- end }}
{{- if and .Values.podDisruptionBudget.enabled (not (kindIs "invalid" .Values.podDisruptionBudget.minAvailable)) (not (kindIs "invalid" .Values.podDisruptionBudget.maxUnavailable)) }}
{{- fail "podDisruptionBudget: set either maxUnavailable or minAvailable (and the other to null), not both" }}
{{- end }}
{{- if and .Values.kafka.sasl.mechanism (not (has .Values.kafka.securityProtocol (list "SASL_PLAINTEXT" "SASL_SSL"))) }}
{{- fail "kafka.sasl.mechanism is set but kafka.securityProtocol is not SASL_PLAINTEXT or SASL_SSL" }}
{{- end }}
{{- if and .Values.kafka.sasl.mechanism (not (include "comment-moderation.saslSecret" .)) }}
{{- fail "kafka.sasl.mechanism is set but no Secret holds the JAAS config: set kafka.sasl.existingSecret" }}
{{- end }}
{{- if and .Values.policy.enabled (not .Values.policy.content) (not .Values.policy.existingConfigMap) }}
{{- fail "policy.enabled: set policy.content (the policy file) or policy.existingConfigMap" }}
{{- end }}
{{- if and .Values.policy.content .Values.policy.existingConfigMap }}
{{- fail "policy: set policy.content or policy.existingConfigMap, not both" }}
{{- end }}
{{- if and .Values.policy.files .Values.policy.existingConfigMap }}
{{- fail "policy.files go into the chart's ConfigMap: with policy.existingConfigMap, put the term files in that ConfigMap" }}
{{- end }}
{{- if hasKey .Values.policy.files .Values.policy.key }}
{{- fail "policy.files must not hold policy.key: that is the policy itself (policy.content)" }}
{{- end }}
{{- if and .Values.keda.enabled (lt (int .Values.keda.minReplicaCount) 1) }}
{{- fail "keda.minReplicaCount must be at least 1: with no pod, held comments never expire and reviews are never applied (they need a running stream, not only input lag)" }}
{{- end }}
{{- if and .Values.strimzi.user.enabled (eq .Values.strimzi.user.authentication "tls") (not .Values.kafka.tls.keystore.existingSecret) }}
{{- fail "strimzi.user.authentication=tls: set kafka.tls.keystore.existingSecret to the KafkaUser's Secret (the release fullname)" }}
{{- end }}
{{- end }}
