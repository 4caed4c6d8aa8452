"""Example template payloads of reference §6.11, each with one unknown key added."""

from __future__ import annotations

from typing import Any

TEMPLATE_ID = "63188115d11d6db790c73c60"

HOST_ROLE: dict[str, Any] = {
    "name": "host",
    "publishParams": {
        "allowed": ["audio", "video", "screen"],
        "audio": {"bitRate": 32, "codec": "opus"},
        "video": {
            "bitRate": 300,
            "codec": "vp8",
            "frameRate": 30,
            "width": 480,
            "height": 360,
        },
        "screen": {"codec": "vp8", "frameRate": 10, "width": 1920, "height": 1080},
        "simulcast": {
            "video": {
                "layers": [
                    {
                        "rid": "f",
                        "scaleResolutionDownBy": 1,
                        "maxBitrate": 700,
                        "maxFramerate": 25,
                    },
                    {
                        "rid": "h",
                        "scaleResolutionDownBy": 2,
                        "maxBitrate": 350,
                        "maxFramerate": 25,
                    },
                    {
                        "rid": "q",
                        "scaleResolutionDownBy": 4,
                        "maxBitrate": 100,
                        "maxFramerate": 25,
                    },
                ]
            },
            "screen": {},
        },
    },
    "subscribeParams": {
        "subscribeToRoles": ["guest", "host"],
        "maxSubsBitRate": 3200,
        "subscribeDegradation": {
            "packetLossThreshold": 25,
            "degradeGracePeriodSeconds": 1,
            "recoverGracePeriodSeconds": 4,
        },
    },
    "permissions": {
        "endRoom": True,
        "removeOthers": True,
        "mute": True,
        "unmute": True,
        "changeRole": True,
        "rtmpStreaming": True,
        "hlsStreaming": True,
        "browserRecording": True,
        "sendRoomState": False,
        "pollRead": True,
        "pollWrite": True,
        "whiteboardAdmin": True,  # unknown: kept in extra_fields
    },
    "priority": 1,
    "maxPeerCount": 0,
}

TEMPLATE: dict[str, Any] = {
    "id": TEMPLATE_ID,
    "name": "new-template-1662550293",
    "customerId": "627cdddff2e4e30487862ad1",
    "roles": {"host": HOST_ROLE},
    "settings": {
        "region": "in",
        "recording": None,
        "roomState": {
            "messageInterval": 5,
            "sendPeerList": False,
            "stopRoomStateOnJoin": True,
            "enabled": False,
        },
        "retry": {},
    },
    "destinations": {},
    "createdAt": "2022-09-07T11:31:33.618Z",
    "updatedAt": "2022-09-07T11:31:33.618Z",
    "_id": TEMPLATE_ID,
    "customer": "627cdddff2e4e30487862ad1",
    "largeRoom": False,  # unknown: kept in extra_fields
}

GUEST_ROLE: dict[str, Any] = {
    "name": "guest",
    "publishParams": {
        "allowed": ["audio", "video"],
        "audio": {"bitRate": 32, "codec": "opus"},
        "video": {
            "bitRate": 300,
            "codec": "vp8",
            "frameRate": 30,
            "width": 480,
            "height": 360,
        },
        "screen": {"codec": "vp8", "frameRate": 10, "width": 1920, "height": 1080},
        "simulcast": {
            "video": {
                "layers": [
                    {
                        "rid": "f",
                        "scaleResolutionDownBy": 1,
                        "maxBitrate": 700,
                        "maxFramerate": 25,
                    },
                    {
                        "rid": "h",
                        "scaleResolutionDownBy": 2,
                        "maxBitrate": 350,
                        "maxFramerate": 25,
                    },
                    {
                        "rid": "q",
                        "scaleResolutionDownBy": 4,
                        "maxBitrate": 100,
                        "maxFramerate": 25,
                    },
                ]
            },
            "screen": {},
        },
    },
    "subscribeParams": {
        "subscribeToRoles": ["host", "guest"],
        "maxSubsBitRate": 3200,
        "subscribeDegradation": {
            "packetLossThreshold": 25,
            "degradeGracePeriodSeconds": 1,
            "recoverGracePeriodSeconds": 4,
        },
    },
    "permissions": {
        "rtmpStreaming": True,
        "hlsStreaming": True,
        "browserRecording": True,
        "sendRoomState": False,
        "pollRead": True,
        "pollWrite": False,
    },
    "priority": 1,
    "maxPeerCount": 0,
    "canPublishWhiteboard": True,  # unknown: kept in extra_fields
}

SETTINGS: dict[str, Any] = {
    "region": "eu",
    "recording": {
        "upload": {
            "type": "s3",
            "location": "my-recordings-bucket",
            "prefix": "hms",
            "options": {"region": "eu-west-1"},
            "credentials": {"key": "AKIAEXAMPLE", "secretKey": "example-secret"},
        }
    },
    "roomState": {
        "messageInterval": 5,
        "sendPeerList": False,
        "stopRoomStateOnJoin": True,
        "enabled": False,
    },
    "retry": {},
    "noiseCancellation": {"enabled": True},  # unknown: kept in extra_fields
}

DESTINATIONS: dict[str, Any] = {
    "rtmpDestinations": {
        "default": {
            "name": "default",
            "width": 1080,
            "height": 1920,
            "maxDuration": 1800,
            "rtmpUrls": ["rtmp://example.com:443/stream"],
            "recordingEnabled": True,
        }
    },
    "hlsDestinations": {
        "default": {
            "name": "default",
            "maxDuration": 28800,
            "layers": [
                {
                    "width": 1280,
                    "height": 720,
                    "videoBitrate": 2048,
                    "audioBitrate": 64,
                },
                {"width": 640, "height": 360, "videoBitrate": 500, "audioBitrate": 64},
            ],
            "playlistType": "event",
            "numPlaylistSegments": 12,
            "videoFrameRate": 25,
            "enableMetadataInsertion": True,
            "enableStaticUrl": True,
            "recording": {
                "hlsVod": True,
                "singleFilePerLayer": True,
                "enableZipUpload": False,
                "layers": [
                    {
                        "width": 1280,
                        "height": 720,
                        "videoBitrate": 2048,
                        "audioBitrate": 64,
                    }
                ],
                "thumbnails": {
                    "enabled": True,
                    "width": 1280,
                    "height": 720,
                    "offsets": [2],
                    "fps": 60,
                },
                "presignDuration": 604800,
            },
            "role": "__internal_recorder",
        }
    },
    "transcriptions": {
        "default": {
            "name": "default",
            "role": "host",
            "modes": ["recorded", "caption"],
            "outputModes": ["txt", "srt", "json"],
            "customVocabulary": ["100ms"],
            "summary": {
                "enabled": True,
                "context": "weekly sync",
                "temperature": 0.5,
                "sections": [
                    {"title": "Agenda", "format": "bullets"},
                    {"title": "Short Summary", "format": "paragraph"},
                ],
            },
            "translation": {
                "enabled": True,
                "roleLanguages": {"host": "es", "guest": "fr"},
            },
        }
    },
    "browserRecordings": {},  # deprecated, untyped: kept in extra_fields
}

RECORDING_CONFIGS: list[dict[str, Any]] = [
    {
        "name": "default",
        "role": "host",
        "maxDuration": 1800,
        "presignDuration": 3600,
        "thumbnails": {
            "enabled": False,
            "width": 1280,
            "height": 720,
            "offsets": [2],
            "fps": 60,
        },
        "compositeRecording": {
            "browserComposite": {
                "autoStart": False,
                "autoStopTimeout": 500,
                "width": 1920,
                "height": 1080,
            },
            "customComposite": {"enabled": False},
        },
        "trackRecording": {"enabled": False},
        "streamRecording": {"enabled": False, "width": 1920, "height": 1080},
        "audioOnly": False,  # unknown: kept in extra_fields
    }
]

PLUGINS: dict[str, Any] = {
    "whiteboard": {
        "permissions": {"admin": ["host"], "writer": ["host"], "reader": ["guest"]}
    },
    "transcriptions": {"permissions": {"admin": ["host"]}, "mode": "caption"},
    "noiseCancellation": {"enabled": True},  # unknown: kept in extra_fields
}
