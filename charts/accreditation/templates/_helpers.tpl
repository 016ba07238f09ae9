{{/*
Chart name and release-scoped full name (standard Helm pattern, 63 characters at most).
*/}}
{{- define "accreditation.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "accreditation.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "accreditation.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Component name of a service key: services.regulatorReporting -> regulator-reporting.
Usage: include "accreditation.component" "regulatorReporting"
*/}}
{{- define "accreditation.component" -}}
{{- . | kebabcase -}}
{{- end -}}

{{/*
Name of a service's Deployment and Service. Usage: include "accreditation.serviceName" (dict "root" $ "name" $name)
*/}}
{{- define "accreditation.serviceName" -}}
{{- printf "%s-%s" (include "accreditation.fullname" .root) (include "accreditation.component" .name) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Name of a service's own Redis (StatefulSet and headless Service). Same arguments.
*/}}
{{- define "accreditation.storeName" -}}
{{- printf "%s-%s-redis" (include "accreditation.fullname" .root) (include "accreditation.component" .name) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "accreditation.brokerName" -}}
{{- printf "%s-broker" (include "accreditation.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Selector labels. Usage: include "accreditation.selectorLabels" (dict "root" $ "component" "enrolment")
*/}}
{{- define "accreditation.selectorLabels" -}}
app.kubernetes.io/name: {{ include "accreditation.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/*
Common labels. Same arguments as selectorLabels.
*/}}
{{- define "accreditation.labels" -}}
helm.sh/chart: {{ include "accreditation.chart" .root }}
{{ include "accreditation.selectorLabels" . }}
app.kubernetes.io/part-of: accreditation
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
accreditation.gov.uk/phase: {{ .root.Values.phase.name | quote }}
{{- end -}}

{{/*
Image reference of a service: repository[:tag][@digest]; tag defaults to the chart's appVersion.
Usage: include "accreditation.image" (dict "root" $ "image" $svc.image)
*/}}
{{- define "accreditation.image" -}}
{{- $tag := .image.tag | default .root.Chart.AppVersion -}}
{{- $ref := printf "%s:%s" .image.repository $tag -}}
{{- if .image.digest -}}
{{- $ref = printf "%s@%s" $ref .image.digest -}}
{{- end -}}
{{- $ref -}}
{{- end -}}

{{/*
"true" when a service's store is an existing Redis (host + password Secret, or a connection-string
Secret), else "". Usage: include "accreditation.storeIsExternal" $svc
*/}}
{{- define "accreditation.storeIsExternal" -}}
{{- if or .redis.external.existingSecret .redis.external.host -}}true{{- end -}}
{{- end -}}

{{/* The Secret holding the passwords of the chart-deployed stores and broker. */}}
{{- define "accreditation.redisAuthSecret" -}}
{{- .Values.redis.auth.existingSecret | default (printf "%s-redis-auth" (include "accreditation.fullname" .)) -}}
{{- end -}}

{{/* Key of a chart-deployed store's password in that Secret. Usage: include "accreditation.storePasswordKey" $name */}}
{{- define "accreditation.storePasswordKey" -}}
{{- printf "%s-password" (include "accreditation.component" .) -}}
{{- end -}}

{{/*
host:port of the pub/sub broker.
*/}}
{{- define "accreditation.brokerHost" -}}
{{- if .Values.broker.external.host -}}
{{- .Values.broker.external.host -}}
{{- else -}}
{{- printf "%s:6379" (include "accreditation.brokerName" .) -}}
{{- end -}}
{{- end -}}

{{/*
Dapr app ids of the enabled services, as a YAML list (for the components' scopes).
*/}}
{{- define "accreditation.appIds" -}}
{{- $ids := list -}}
{{- range $name, $svc := .Values.services -}}
{{- if $svc.enabled -}}
{{- $ids = append $ids ($svc.appId | default (include "accreditation.component" $name)) -}}
{{- end -}}
{{- end -}}
{{- toYaml $ids -}}
{{- end -}}

{{/*
Checks the values once per render; fails with a message naming the broken rule. Renders nothing.
*/}}
{{- define "accreditation.validate" -}}
{{- $phase := .Values.phase.name -}}
{{- if not (has $phase (list "phase-1" "phase-2" "national")) -}}
{{- fail (printf "phase.name must be phase-1, phase-2 or national (got %q)" $phase) -}}
{{- end -}}
{{- $authorities := .Values.phase.authorities | default (list) -}}
{{- range $authorities -}}
{{- if not (regexMatch "^E(06|08|09|10)[0-9]{6}$" (toString .)) -}}
{{- fail (printf "phase.authorities: %q is not the GSS code of an English local authority with children's services (E06/E08/E09/E10 + 6 digits)" (toString .)) -}}
{{- end -}}
{{- end -}}
{{- if eq $phase "phase-2" -}}
{{- if eq (len $authorities) 0 -}}
{{- fail "phase-2 needs phase.authorities: the GSS codes of its authorities (at most 20)" -}}
{{- end -}}
{{- if gt (len (uniq $authorities)) 20 -}}
{{- fail (printf "phase-2 allows at most 20 authorities; phase.authorities lists %d" (len (uniq $authorities))) -}}
{{- end -}}
{{- end -}}
{{- if and .Values.broker.external.host (not .Values.broker.external.passwordSecret.name) -}}
{{- fail "broker.external.host needs broker.external.passwordSecret.name: the broker requires a password" -}}
{{- end -}}
{{- if and .Values.ingress.enabled (eq .Values.ingress.kind "Ingress") (not .Values.ingress.tls.secretName) -}}
{{- fail "ingress.tls.secretName: an Ingress for the public APIs always terminates TLS" -}}
{{- end -}}
{{- if and .Values.ingress.enabled (eq .Values.ingress.kind "Gateway") (not .Values.ingress.gateway.name) -}}
{{- fail "ingress.gateway.name: a GRPCRoute needs the Gateway (with an https listener) it attaches to" -}}
{{- end -}}
{{- if not (hasPrefix "https://" (.Values.auth.authority | default "")) -}}
{{- fail "auth.authority must be the https URL of the OIDC issuer that signs the callers' tokens (production never uses the development signing key)" -}}
{{- end -}}
{{- range $name, $svc := .Values.services -}}
{{- if $svc.enabled -}}
{{- if hasKey ($svc.env | default dict) "Auth__SigningKey" -}}
{{- fail (printf "services.%s.env sets Auth__SigningKey: the development signing key is never used in a cluster; set auth.authority" $name) -}}
{{- end -}}
{{- $ports := list (int $svc.grpcPort) (int $svc.appPort) -}}
{{- if $svc.httpApiPort -}}{{- $ports = append $ports (int $svc.httpApiPort) -}}{{- end -}}
{{- if ne (len $ports) (len (uniq $ports)) -}}
{{- fail (printf "services.%s: grpcPort, appPort and httpApiPort must differ" $name) -}}
{{- end -}}
{{- if and $svc.redis.external.host (not $svc.redis.external.passwordSecret.name) -}}
{{- fail (printf "services.%s.redis.external.host needs redis.external.passwordSecret.name: every store requires a password" $name) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
A single-replica Redis: headless Service + StatefulSet. Used for every service's own store and for
the broker. Requires a password (requirepass from the key passwordKey of the redis auth Secret,
written into a config file at start so it is never on the command line), keeps protected mode on,
and persists every write before answering (appendonly yes, appendfsync always).
Usage: include "accreditation.redis" (dict "root" $ "name" "<name>" "component" "<component>" "passwordKey" "<key>" "persistence" <map> "resources" <map> "maxmemory" "<size>")
*/}}
{{- define "accreditation.redis" -}}
{{- $labels := dict "root" .root "component" .component -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ .name }}
  labels:
    {{- include "accreditation.labels" $labels | nindent 4 }}
spec:
  clusterIP: None
  selector:
    {{- include "accreditation.selectorLabels" $labels | nindent 4 }}
  ports:
    - name: redis
      port: 6379
      targetPort: redis
      protocol: TCP
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ .name }}
  labels:
    {{- include "accreditation.labels" $labels | nindent 4 }}
spec:
  serviceName: {{ .name }}
  replicas: 1
  selector:
    matchLabels:
      {{- include "accreditation.selectorLabels" $labels | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "accreditation.labels" $labels | nindent 8 }}
    spec:
      serviceAccountName: {{ include "accreditation.redisServiceAccount" .root }}
      automountServiceAccountToken: false
      securityContext:
        # uid/gid of the redis user in the official alpine image
        runAsNonRoot: true
        runAsUser: 999
        runAsGroup: 1000
        fsGroup: 1000
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: redis
          image: "{{ .root.Values.redis.image.repository }}:{{ .root.Values.redis.image.tag }}"
          imagePullPolicy: {{ .root.Values.redis.image.pullPolicy }}
          env:
            - name: REDIS_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ include "accreditation.redisAuthSecret" .root | quote }}
                  key: {{ .passwordKey | quote }}
            # redis-cli (the readiness probe) authenticates with this.
            - name: REDISCLI_AUTH
              valueFrom:
                secretKeyRef:
                  name: {{ include "accreditation.redisAuthSecret" .root | quote }}
                  key: {{ .passwordKey | quote }}
          command:
            - /bin/sh
            - -c
            - |
              umask 077
              printf 'requirepass "%s"\n' "$REDIS_PASSWORD" > /run/redis/redis.conf
              exec redis-server /run/redis/redis.conf "$@"
            - redis-server
          args:
            - --port
            - "6379"
            - --protected-mode
            - "yes"
            - --dir
            - /data
            - --appendonly
            - "yes"
            - --appendfsync
            - always
            - --maxmemory-policy
            - noeviction
            {{- with .maxmemory }}
            - --maxmemory
            - {{ . | quote }}
            {{- end }}
          ports:
            - name: redis
              containerPort: 6379
              protocol: TCP
          readinessProbe:
            exec:
              command: ["redis-cli", "ping"]
            periodSeconds: 5
            timeoutSeconds: 2
          livenessProbe:
            tcpSocket:
              port: redis
            initialDelaySeconds: 10
            periodSeconds: 10
          resources:
            {{- toYaml .resources | nindent 12 }}
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop:
                - ALL
          volumeMounts:
            - name: data
              mountPath: /data
            - name: config
              mountPath: /run/redis
      volumes:
        - name: config
          emptyDir:
            medium: Memory
            sizeLimit: 1Mi
      {{- if not .persistence.enabled }}
        - name: data
          emptyDir: {}
      {{- end }}
  {{- if .persistence.enabled }}
  volumeClaimTemplates:
    - metadata:
        name: data
        labels:
          {{- include "accreditation.selectorLabels" $labels | nindent 10 }}
      spec:
        accessModes:
          - ReadWriteOnce
        {{- with .persistence.storageClass }}
        storageClassName: {{ . | quote }}
        {{- end }}
        resources:
          requests:
            storage: {{ .persistence.size | quote }}
  {{- end }}
{{- end -}}

{{/* ServiceAccounts: one per service (no API token mounted), one shared by the Redis pods. */}}
{{- define "accreditation.serviceAccount" -}}
{{- include "accreditation.serviceName" . -}}
{{- end -}}

{{- define "accreditation.redisServiceAccount" -}}
{{- printf "%s-redis" (include "accreditation.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Name of the helm test pod's component label. */}}
{{- define "accreditation.testComponent" -}}helm-test{{- end -}}

{{/* The Secret holding the sidecar tokens: app-token (sidecar -> app) and dapr-api-token (app -> sidecar). */}}
{{- define "accreditation.tokensSecret" -}}
{{- .Values.dapr.tokens.existingSecret | default (printf "%s-dapr-tokens" (include "accreditation.fullname" .)) -}}
{{- end -}}

{{/*
The pub/sub scopes, as TopicRoutes (services/Contracts/TopicRoutes.cs) derives them: which app may
publish and which may subscribe to each topic. Each subscriber's sidecar may also publish its own
dead-letter topics (<app-id>.<topic>.deadletter). tests/Deployment.Tests compares both with the code.
*/}}
{{- define "accreditation.publishingScopes" -}}
enrolment=enrolment.candidate-enrolled,enrolment.candidate-endorsed,enrolment.candidate-withdrawn,enrolment.candidate-moved,enrolment.equality-monitoring-recorded,enrolment.accreditation-recorded,enrolment.reporting.accreditation-awarded.deadletter;testing=testing.knowledge-test-completed,testing.enrolment.candidate-enrolled.deadletter,testing.enrolment.candidate-endorsed.deadletter,testing.enrolment.candidate-withdrawn.deadletter,testing.enrolment.candidate-moved.deadletter;observation=observation.simulated-practice-completed,observation.enrolment.candidate-enrolled.deadletter,observation.enrolment.candidate-endorsed.deadletter,observation.enrolment.candidate-withdrawn.deadletter,observation.enrolment.candidate-moved.deadletter;reporting=reporting.accreditation-awarded,reporting.enrolment.candidate-enrolled.deadletter,reporting.enrolment.candidate-endorsed.deadletter,reporting.enrolment.candidate-withdrawn.deadletter,reporting.enrolment.candidate-moved.deadletter,reporting.enrolment.equality-monitoring-recorded.deadletter,reporting.testing.knowledge-test-completed.deadletter,reporting.observation.simulated-practice-completed.deadletter,reporting.enrolment.accreditation-recorded.deadletter
{{- end -}}

{{- define "accreditation.subscriptionScopes" -}}
enrolment=reporting.accreditation-awarded;testing=enrolment.candidate-enrolled,enrolment.candidate-endorsed,enrolment.candidate-withdrawn,enrolment.candidate-moved;observation=enrolment.candidate-enrolled,enrolment.candidate-endorsed,enrolment.candidate-withdrawn,enrolment.candidate-moved;reporting=enrolment.candidate-enrolled,enrolment.candidate-endorsed,enrolment.candidate-withdrawn,enrolment.candidate-moved,enrolment.equality-monitoring-recorded,testing.knowledge-test-completed,observation.simulated-practice-completed,enrolment.accreditation-recorded
{{- end -}}

{{/* "host:port host:port ..." of every enabled service's gRPC endpoint (the helm test's targets). */}}
{{- define "accreditation.healthTargets" -}}
{{- $targets := list -}}
{{- range $name, $svc := .Values.services -}}
{{- if $svc.enabled -}}
{{- $targets = append $targets (printf "%s.%s.svc:%v" (include "accreditation.serviceName" (dict "root" $ "name" $name)) $.Release.Namespace $svc.grpcPort) -}}
{{- end -}}
{{- end -}}
{{- join " " $targets -}}
{{- end -}}
